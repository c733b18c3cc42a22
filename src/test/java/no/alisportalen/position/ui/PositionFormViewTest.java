package no.alisportalen.position.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import java.time.LocalDate;
import java.util.UUID;
import no.alisportalen.TestUsers;
import no.alisportalen.ViewTest;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.NewUser;
import no.alisportalen.account.Role;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.PositionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class PositionFormViewTest extends SpringBrowserlessTest {

    static final String BODO_USER = "form-test-bodo@test.no";

    @Autowired
    PositionService positions;

    @Autowired
    AccountService accounts;

    /** Runs before the security context is built for each test, so the user exists for @WithUserDetails. */
    @Autowired
    void ensureUser(AccountService accounts) {
        TestUsers.ensure(accounts, new NewUser(BODO_USER, TestUsers.PASSWORD, "Bodø", Role.MUNICIPALITY, "1804", null));
    }

    private void fillValid(PositionFormView form, String title) {
        test(form.title).setValue(title);
        test(form.workplace).setValue("Bodø legesenter");
        test(form.description).setValue("God stilling.\n\nMed veiledning.");
        test(form.salary).setValue(1_150_000);
        test(form.listLength).setValue(700);
        test(form.onCallRotation).setValue(6);
        form.startDate.setValue(LocalDate.now().plusMonths(4));
        form.deadline.setValue(LocalDate.now().plusMonths(2));
    }

    @Test
    @WithUserDetails(BODO_USER)
    void a_municipality_writes_saves_and_publishes_a_position_for_its_own_municipality() {
        var form = navigate(PositionFormView.class);
        assertThat(form.municipality.getValue().number()).isEqualTo("1804");
        assertThat(form.municipality.isReadOnly()).isTrue();
        var title = "ALIS med fastlønn " + UUID.randomUUID().toString().substring(0, 6);
        fillValid(form, title);
        test(form.addIncentive).click();
        assertThat(form.incentiveRows.getChildren().count()).isEqualTo(1);

        test(form.save).click();
        assertThat(test($(Notification.class).last()).getText()).contains("Rett opp feltene");
        assertThat(positions.mine()).noneMatch(p -> title.equals(p.data().title()));
        var row = (IncentiveRow) form.incentiveRows.getChildren().findFirst().orElseThrow();
        assertThat(row.type.isInvalid()).isTrue();
        test(row.type).selectItem("Bolig");
        test(row.amount).setValue(50_000);

        test(form.publish).click();
        var saved = positions.mine().stream().filter(p -> title.equals(p.data().title())).findFirst().orElseThrow();
        assertThat(saved.status()).isEqualTo(PositionStatus.PUBLISHED);
        assertThat(saved.data().incentives()).hasSize(1);
        assertThat(saved.data().annualSalaryNok()).isEqualTo(1_150_000);
        assertThat(form.close.isVisible()).isTrue();
        assertThat(form.publish.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails(BODO_USER)
    void only_a_self_employed_position_may_be_saved_without_an_applicant_list() {
        var form = navigate(PositionFormView.class);
        fillValid(form, "ALIS uten søkerliste " + UUID.randomUUID().toString().substring(0, 6));
        assertThat(form.applicantList.getValue()).isTrue();
        assertThat(form.applicantList.isEnabled()).as("salaried: the list is a duty").isFalse();
        form.employmentForm.setValue(no.alisportalen.position.EmploymentForm.SELF_EMPLOYED);
        assertThat(form.applicantList.isEnabled()).isTrue();
        form.applicantList.setValue(false);
        assertThat(form.read().listsApplicants()).isFalse();
        form.employmentForm.setValue(no.alisportalen.position.EmploymentForm.SALARIED);
        assertThat(form.applicantList.getValue()).isTrue();
        assertThat(form.read().listsApplicants()).isTrue();
    }

    @Test
    @WithUserDetails(BODO_USER)
    void validation_runs_live_in_norwegian_with_the_api_rules() {
        var form = navigate(PositionFormView.class);
        test(form.title).setValue("Kort");
        assertThat(form.title.isInvalid()).isTrue();
        assertThat(form.title.getErrorMessage()).isEqualTo("Tittelen må ha mellom 5 og 200 tegn.");
        form.listLength.setValue(5000);
        // Norwegian number formatting groups thousands with a (narrow) no-break space.
        assertThat(form.listLength.getErrorMessage()).matches("Må være mellom 0 og 3\\p{Zs}000\\.");
        form.startDate.setValue(LocalDate.now().plusDays(10));
        form.deadline.setValue(LocalDate.now().plusDays(20));
        assertThat(form.deadline.isInvalid()).isTrue();
        test(form.supervisionHours).setValue(2);
        assertThat(form.supervisionHours.getHelperText()).contains("Under 4 timer");
        test(form.employmentForm).selectItem("Næringsdrift");
        assertThat(form.salary.isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails(BODO_USER)
    void a_stale_save_says_someone_else_changed_the_position_and_keeps_their_change() {
        var created = positions.create(withTitle(PositionData.blank("1804"), "Stilling som endres av to"));
        var form = open("id", created.id().value());
        positions.update(created.id(), created.version(), withTitle(created.data(), "Endret av en kollega"));

        test(form.title).setValue("Min egen endring");
        test(form.salary).setValue(1_000_000);
        test(form.save).click();

        var notification = $(Notification.class).last();
        assertThat(notification.getElement().getTextRecursively()).contains("Noen andre har endret denne stillingen")
                .contains("Last inn på nytt");
        assertThat(positions.find(created.id()).orElseThrow().data().title()).isEqualTo("Endret av en kollega");
    }

    @Test
    @WithUserDetails(BODO_USER)
    void the_preview_shows_the_position_as_applicants_will_see_it() {
        var form = navigate(PositionFormView.class);
        fillValid(form, "ALIS med forhåndsvisning");
        test(form.preview).click();
        var dialog = $(Dialog.class).single();
        var text = dialog.getElement().getTextRecursively();
        assertThat(text).contains("ALIS med forhåndsvisning", "Fastlønn", "700 pasienter", "Vakt 1 av 6");
    }

    @Test
    @WithUserDetails(BODO_USER)
    void duplicating_starts_a_new_draft_with_the_same_facts_and_no_dates() {
        var original = positions.create(withTitle(PositionData.blank("1804"), "Original stilling til kopiering")
                .withDates(LocalDate.now().plusMonths(3), LocalDate.now().plusMonths(1)));
        var form = open("kopi", original.id().value());
        assertThat(form.title.getValue()).isEqualTo("Original stilling til kopiering");
        assertThat(form.deadline.getValue()).isNull();
        assertThat(form.heading.getText()).isEqualTo("Ny ALIS-stilling");
    }

    @Test
    @WithMockUser(roles = "APPLICANT")
    void applicants_cannot_open_the_workspace() {
        assertThatThrownBy(() -> navigate(PositionFormView.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> navigate(MyPositionsView.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @WithUserDetails(BODO_USER)
    void a_municipalitys_own_list_leaves_out_the_municipality_column() {
        var created = positions.create(withTitle(PositionData.blank("1804"), "Egen liste " + UUID.randomUUID()));
        var own = navigate(MyPositionsView.class);
        assertThat(own.grid.getListDataView().getItems()).extracting(p -> p.id()).contains(created.id());
        assertThat(own.municipality.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails(no.alisportalen.TestApi.ADMIN_EMAIL)
    void an_administrators_list_over_several_municipalities_names_them() {
        positions.create(withTitle(PositionData.blank("1804"), "Bodø " + UUID.randomUUID()));
        positions.create(withTitle(PositionData.blank("5501"), "Tromsø " + UUID.randomUUID()));
        var all = navigate(MyPositionsView.class);
        assertThat(all.municipality.isVisible()).isTrue();
    }

    private PositionFormView open(String parameter, String value) {
        com.vaadin.flow.component.UI.getCurrent().navigate(PositionFormView.class,
                com.vaadin.flow.router.QueryParameters.of(parameter, value));
        return $(PositionFormView.class).single();
    }

    static PositionData withTitle(PositionData d, String title) {
        return new PositionData(d.municipalityNumber(), title, d.description(), d.workplace(), d.location(),
                d.employmentForm(), d.setting(), d.listLength(),
                d.annualSalaryNok() == null ? 1_000_000 : d.annualSalaryNok(), d.introductionAgreement(),
                d.alisAgreement(), d.alisAgreementElements(), d.recruitmentWeak(), d.incentives(), d.supervisorOnSite(),
                d.supervisionHoursPerMonth(), d.supervisionGroup(), d.onCallRotation(), d.onCallBackup(),
                d.startDate(), d.applicationDeadline(), d.openings(), d.contact());
    }
}
