package no.alisportalen.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import no.alisportalen.TestUsers;
import no.alisportalen.ViewTest;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.ApplicantStage;
import no.alisportalen.municipality.MunicipalityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class ProfileViewTest extends SpringBrowserlessTest {

    static final String APPLICANT = "profile-view@test.no";
    static final String LEAVING = "profile-leaving@test.no";

    @Autowired
    AccountService accounts;

    @Autowired
    MunicipalityService municipalities;

    @Autowired
    void ensureUsers(AccountService accounts) {
        TestUsers.ensureApplicant(accounts, APPLICANT, "Profil Prøve");
        TestUsers.ensureApplicant(accounts, LEAVING, "Skal Slutte");
    }

    @Test
    @WithUserDetails(APPLICANT)
    void an_applicant_edits_the_profile_with_norwegian_validation_and_finds_the_download() {
        var view = navigate(ProfileView.class);
        assertThat(view.name.getValue()).isEqualTo("Profil Prøve");
        test(view.name).setValue("");
        view.graduationYear.setValue(1800);
        test(view.save).click();
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).isEqualTo("Skriv inn et navn.");
        assertThat(view.graduationYear.isInvalid()).isTrue();

        test(view.name).setValue("Profil Endret");
        view.graduationYear.setValue(2026);
        view.stage.setValue(ApplicantStage.DOCTOR);
        view.home.setValue(municipalities.find("5501").orElseThrow());
        test(view.save).click();
        assertThat(view.message.getElement().getTextRecursively()).contains("Profilen er lagret.");
        var account = accounts.findByEmail(APPLICANT).orElseThrow();
        assertThat(account.name()).isEqualTo("Profil Endret");
        assertThat(account.homeMunicipality()).isEqualTo("5501");
        assertThat(account.stage()).isEqualTo(ApplicantStage.DOCTOR);
        assertThat(account.graduationYear()).isEqualTo(2026);
        assertThat($(Anchor.class).id("download-data").getHref()).isNotBlank();
    }

    @Test
    @WithUserDetails(APPLICANT)
    void the_applicant_list_details_are_edited_kept_and_checked_on_the_profile() {
        var view = navigate(ProfileView.class);
        view.birthDate.setValue(java.time.LocalDate.now().plusYears(1));
        test(view.phone).setValue("ring meg");
        test(view.save).click();
        assertThat(view.birthDate.isInvalid()).isTrue();
        assertThat(view.phone.isInvalid()).isTrue();
        assertThat(view.phone.getErrorMessage()).contains("telefonnummer");

        view.birthDate.setValue(java.time.LocalDate.of(1995, 6, 30));
        view.gender.setValue(no.alisportalen.account.Gender.MALE);
        test(view.phone).setValue("915 55 555");
        test(view.title).setValue("Lege");
        test(view.education).setValue("Cand.med. NTNU");
        test(view.experience).setValue("Turnus i Bodø");
        test(view.save).click();
        assertThat(view.message.getElement().getTextRecursively()).contains("Profilen er lagret.");
        var details = accounts.findByEmail(APPLICANT).orElseThrow().applicantDetails();
        assertThat(details).isEqualTo(new no.alisportalen.account.ApplicantDetails(java.time.LocalDate.of(1995, 6, 30),
                no.alisportalen.account.Gender.MALE, "Lege", "915 55 555", "Cand.med. NTNU", "Turnus i Bodø"));

        // Saving the profile again keeps the details (the form sends what it shows, not only name and stage).
        var again = navigate(ProfileView.class);
        assertThat(again.education.getValue()).isEqualTo("Cand.med. NTNU");
        test(again.save).click();
        assertThat(accounts.findByEmail(APPLICANT).orElseThrow().applicantDetails().education())
                .isEqualTo("Cand.med. NTNU");
    }

    @Test
    @WithUserDetails(LEAVING)
    void deleting_asks_first_and_then_removes_the_account() {
        var view = navigate(ProfileView.class);
        test(view.delete).click();
        assertThat($(ConfirmDialog.class).first().isOpened()).isTrue();
        assertThat(accounts.findByEmail(LEAVING)).isPresent();
        try {
            view.deleteAccount();
        } catch (RuntimeException e) {
            // Logging out needs a real HTTP response, which browserless tests do not have; the deletion came first.
        }
        assertThat(accounts.findByEmail(LEAVING)).isEmpty();
    }
}
