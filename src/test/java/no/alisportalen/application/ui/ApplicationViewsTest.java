package no.alisportalen.application.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Section;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import no.alisportalen.TestUsers;
import no.alisportalen.ViewTest;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.NewUser;
import no.alisportalen.account.Role;
import no.alisportalen.application.Application;
import no.alisportalen.application.ApplicationService;
import no.alisportalen.application.ApplicationStatus;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.PositionStatus;
import no.alisportalen.position.WorkSetting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class ApplicationViewsTest extends SpringBrowserlessTest {

    static final String APPLICANT = "views-applicant@test.no";
    static final String BODO = "views-bodo@test.no";
    static final String TROMSO = "views-tromso@test.no";
    static final String NEWCOMER = "views-newcomer@test.no";

    @Autowired
    PositionService positions;

    @Autowired
    ApplicationService applications;

    @Autowired
    UserDetailsService users;

    @Autowired
    void ensureUsers(AccountService accounts, UserDetailsService users) {
        TestUsers.ensureApplicant(accounts, APPLICANT, "Vera Visning");
        TestUsers.listable(users, accounts, APPLICANT);
        TestUsers.ensureApplicant(accounts, NEWCOMER, "Nina Nykommer");
        TestUsers.ensure(accounts, new NewUser(BODO, TestUsers.PASSWORD, "Bodø", Role.MUNICIPALITY, "1804", null));
        TestUsers.ensure(accounts, new NewUser(TROMSO, TestUsers.PASSWORD, "Tromsø", Role.MUNICIPALITY, "5501", null));
    }

    private PositionId openPosition(String title) {
        return TestUsers.as(users, BODO, () -> {
            var data = new PositionData("1804", title, null, null, null, EmploymentForm.SALARIED,
                    WorkSetting.GP_PRACTICE, 800, 1_100_000, true, true, java.util.Set.of(), false, java.util.List.of(),
                    true, 4, false, 6, true, LocalDate.now().plusMonths(4), LocalDate.now().plusMonths(1), 1, null);
            var created = positions.create(data);
            return positions.publish(created.id(), created.version()).id();
        });
    }

    private Application applyAs(PositionId position) {
        return TestUsers.as(users, APPLICANT, () -> applications.apply(position, "Jeg søker."));
    }

    @Test
    @WithUserDetails(APPLICANT)
    void an_applicant_applies_sees_the_timeline_and_withdraws() {
        var title = "ALIS visning " + UUID.randomUUID().toString().substring(0, 6);
        var position = openPosition(title);
        var apply = navigate(ApplyView.class, Map.of("id", position.value()));
        assertThat(apply.coverLetter.isVisible()).isTrue();

        test(apply.send).click();
        assertThat(apply.coverLetter.isInvalid()).isTrue();
        assertThat(apply.coverLetter.getErrorMessage()).isEqualTo("Feltet må fylles ut.");

        test(apply.coverLetter).setValue("Jeg har vært LIS1 i Nordland og vil bli.");
        test(apply.send).click();
        assertThat(apply.outcome.getElement().getTextRecursively()).contains("Søknaden er sendt. Status: Mottatt.");
        assertThat(apply.coverLetter.isVisible()).isFalse();

        // Coming back shows the existing application instead of the form.
        var again = navigate(ApplyView.class, Map.of("id", position.value()));
        assertThat(again.outcome.getElement().getTextRecursively()).contains("Du har allerede søkt");

        var mine = navigate(MyApplicationsView.class);
        var card = $(Section.class).from(mine.list).all().stream()
                .filter(s -> s.getElement().getTextRecursively().contains(title)).findFirst().orElseThrow();
        assertThat(card.getElement().getTextRecursively()).contains("Mottatt", "Bodø");
        assertThat($(Anchor.class).from(card).first().getHref()).isEqualTo("stilling/" + position.value());

        var application = applications.mine().stream().filter(a -> a.positionId().equals(position)).findFirst()
                .orElseThrow();
        mine.confirmWithdraw(application);
        assertThat($(ConfirmDialog.class).first().isOpened()).isTrue();
        mine.withdraw(application);
        assertThat(mine.message.getElement().getTextRecursively()).contains("er trukket");
        assertThat(applications.mine().stream().filter(a -> a.positionId().equals(position)).findFirst()
                .orElseThrow().status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    }

    @Test
    @WithUserDetails(BODO)
    void the_municipality_reads_the_letter_moves_the_application_and_marks_the_position_filled() {
        var position = openPosition("ALIS pipeline " + UUID.randomUUID().toString().substring(0, 6));
        var application = applyAs(position);
        var view = navigate(PositionApplicationsView.class, Map.of("id", position.value()));
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(view.summary.getText()).contains("1 søknader", "Mottatt: 1");

        test(view.grid).select(0);
        assertThat(view.detail.getElement().getTextRecursively()).contains("Vera Visning", "Jeg søker.");
        assertThat(view.status.getListDataView().getItems()).doesNotContain(ApplicationStatus.ACCEPTED,
                ApplicationStatus.WITHDRAWN);
        view.status.setValue(ApplicationStatus.INTERVIEW);
        test(view.note).setValue("Intervju mandag");
        test(view.save).click();
        assertThat(view.message.getElement().getTextRecursively()).contains("Søkeren ser nå statusen «Intervju»");
        assertThat(TestUsers.as(users, APPLICANT, () -> applications.mine()).stream()
                .filter(a -> a.id().equals(application.id())).findFirst().orElseThrow().status())
                .isEqualTo(ApplicationStatus.INTERVIEW);

        view.status.setValue(ApplicationStatus.OFFERED);
        test(view.save).click();
        assertThat(view.status.getListDataView().getItems()).contains(ApplicationStatus.ACCEPTED);
        view.status.setValue(ApplicationStatus.ACCEPTED);
        test(view.save).click();
        assertThat(view.markFilled.isAttached()).isTrue();
        test(view.markFilled).click();
        assertThat(positions.find(position).orElseThrow().status()).isEqualTo(PositionStatus.FILLED);
        assertThat(view.message.getElement().getTextRecursively()).contains("merket som besatt");
    }

    @Test
    @WithUserDetails(TROMSO)
    void another_municipality_cannot_open_the_applications() {
        var position = openPosition("ALIS annen kommune " + UUID.randomUUID().toString().substring(0, 6));
        UI.getCurrent().navigate("kommune/stilling/" + position.value() + "/soknader");
        assertThat($(PositionApplicationsView.class).all()).isEmpty();
    }

    @Test
    @WithUserDetails(NEWCOMER)
    void the_apply_form_asks_for_what_the_list_needs_and_the_request_is_decided_and_answered() {
        var title = "ALIS søkerliste visning " + UUID.randomUUID().toString().substring(0, 6);
        var position = openPosition(title);
        var apply = navigate(ApplyView.class, Map.of("id", position.value()));
        assertThat(apply.birthDate.isVisible()).isTrue();
        assertThat(apply.gender.isVisible()).isTrue();
        assertThat(apply.home.isVisible()).isTrue();
        assertThat(apply.birthDate.getHelperText()).contains("offentleglova § 25");
        assertThat(apply.getElement().getTextRecursively()).contains("Kommunen vurderer ønsket ditt konkret");

        test(apply.coverLetter).setValue("Jeg vil gjerne til Bodø.");
        test(apply.send).click();
        assertThat(apply.birthDate.isInvalid()).isTrue();
        assertThat(apply.birthDate.getErrorMessage()).contains("offentleglova § 25");
        assertThat(apply.gender.isInvalid()).isTrue();
        assertThat(apply.home.isInvalid()).isTrue();

        apply.birthDate.setValue(LocalDate.of(1997, 8, 1));
        apply.gender.setValue(no.alisportalen.account.Gender.FEMALE);
        apply.home.setValue(apply.home.getListDataView().getItems().filter(m -> m.number().equals("1804"))
                .findFirst().orElseThrow());
        test(apply.exemption).click();
        assertThat(apply.exemptionReason.isVisible()).isTrue();
        test(apply.exemptionReason).setValue("kort");
        test(apply.send).click();
        assertThat(apply.exemptionReason.isInvalid()).isTrue();
        test(apply.exemptionReason).setValue("Min arbeidsgiver vet ikke at jeg søker.");
        test(apply.send).click();
        assertThat(apply.outcome.getElement().getTextRecursively()).contains("Søknaden er sendt");
        var mine = applications.mine().stream().filter(a -> a.positionId().equals(position)).findFirst().orElseThrow();
        assertThat(mine.exemption().state()).isEqualTo(no.alisportalen.application.ExemptionState.REQUESTED);
        assertThat(mine.applicant().details().birthDate()).isEqualTo(LocalDate.of(1997, 8, 1));

        // The municipality sees the request first and refuses it with a justification.
        TestUsers.as(users, APPLICANT, () -> applications.apply(position, "Jeg søker også."));
        TestUsers.as(users, BODO, () -> {
            var view = navigate(PositionApplicationsView.class, Map.of("id", position.value()));
            var first = view.grid.getListDataView().getItem(0);
            assertThat(first.applicant().name()).isEqualTo("Nina Nykommer");
            test(view.grid).select(0);
            assertThat(view.detail.getElement().getTextRecursively()).contains("Min arbeidsgiver vet ikke");
            test(view.decide).click();
            assertThat(view.decision.isOpened()).isTrue();
            test(view.confirmDecision).click();
            assertThat(view.granted.isInvalid()).isTrue();
            assertThat(view.justification.isInvalid()).isTrue();
            view.granted.setValue(false);
            test(view.justification).setValue("Stillingen er av stor offentlig interesse i kommunen.");
            test(view.confirmDecision).click();
            assertThat(view.decision.isOpened()).isFalse();
            assertThat(view.message.getElement().getTextRecursively()).contains("Unntaket er avslått");
            return null;
        });

        // The applicant answers on "Mine søknader".
        var mineView = navigate(MyApplicationsView.class);
        var card = $(Section.class).from(mineView.list).all().stream()
                .filter(c -> c.getElement().getTextRecursively().contains(title)).findFirst().orElseThrow();
        assertThat(card.getElement().getTextRecursively()).contains("Unntak avslått", "stor offentlig interesse");
        var answer = $(com.vaadin.flow.component.button.Button.class).from(card).all().stream()
                .filter(b -> b.hasClassName("accept-listing")).findFirst().orElseThrow();
        test(answer).click();
        assertThat(mineView.message.getElement().getTextRecursively()).contains("Du står på søkerlisten");
        assertThat(applications.mine().stream().filter(a -> a.positionId().equals(position)).findFirst()
                .orElseThrow().exemption().acceptedAt()).isNotNull();
    }
}
