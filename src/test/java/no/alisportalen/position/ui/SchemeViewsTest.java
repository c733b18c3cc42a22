package no.alisportalen.position.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Section;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.alisportalen.TestUsers;
import no.alisportalen.ViewTest;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.NewUser;
import no.alisportalen.account.Role;
import no.alisportalen.position.AlisAgreementElement;
import no.alisportalen.position.Contact;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Incentive;
import no.alisportalen.position.IncentiveType;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.WorkSetting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** The scheme in the municipality's form and on the public position page. */
@ViewTest
class SchemeViewsTest extends SpringBrowserlessTest {

    static final String ROST_USER = "scheme-rost@test.no";
    static final String OSLO_USER = "scheme-oslo@test.no";

    @Autowired
    PositionService positions;

    @Autowired
    UserDetailsService users;

    @Autowired
    void ensureUsers(AccountService accounts) {
        TestUsers.ensure(accounts, new NewUser(ROST_USER, TestUsers.PASSWORD, "Røst", Role.MUNICIPALITY, "1856", null));
        TestUsers.ensure(accounts, new NewUser(OSLO_USER, TestUsers.PASSWORD, "Oslo", Role.MUNICIPALITY, "0301", null));
    }

    @Test
    @WithUserDetails(ROST_USER)
    void a_weak_municipality_sets_element_amounts_and_scheme_extras_and_sees_the_ceiling_live() {
        var form = navigate(PositionFormView.class);
        assertThat(form.recruitmentWeak.getValue()).as("Røst is centrality 6").isTrue();
        assertThat(form.recruitmentWeak.isReadOnly()).isTrue();
        form.alisAgreement.setValue(true);
        form.elements.setValue(Set.of(AlisAgreementElement.PRACTICE_COMPENSATION));
        var amount = form.elementAmounts.get(AlisAgreementElement.PRACTICE_COMPENSATION);
        assertThat(amount.isVisible()).isTrue();
        assertThat(form.elementAmounts.get(AlisAgreementElement.COURSE_EXPENSES).isVisible()).isFalse();
        assertThat(amount.getPlaceholder()).isEqualTo("150000");
        amount.setValue(400_000); // above the field's max, as a pasted value would be
        assertThat(amount.isInvalid()).as("one element above the ceiling").isTrue();
        assertThat(form.formProblems.getElement().getTextRecursively()).contains("367");
        test(amount).setValue(200_000);
        assertThat(amount.isInvalid()).isFalse();
        assertThat(form.schemeSummary.getText().replace('\u00a0', ' ')).contains("200 000").contains("367 000");

        test(form.addIncentive).click();
        test(form.addIncentive).click();
        var rows = form.incentiveRows.getChildren().map(IncentiveRow.class::cast).toList();
        for (var row : rows) {
            test(row.type).selectItem(row == rows.getFirst() ? "Vikarordning" : "Utstyr");
            test(row.amount).setValue(150_000);
            assertThat(row.scheme.isEnabled()).isTrue();
            row.scheme.setValue(true);
        }
        assertThat(form.formProblems.getElement().getTextRecursively().replace('\u00a0', ' '))
                .contains("Ekstraelementene").contains("200 000").contains("300 000");
    }

    @Test
    @WithUserDetails(OSLO_USER)
    void a_central_municipality_cannot_mark_scheme_extras() {
        var form = navigate(PositionFormView.class);
        assertThat(form.recruitmentWeak.getValue()).isFalse();
        test(form.addIncentive).click();
        var row = form.incentiveRows.getChildren().map(IncentiveRow.class::cast).findFirst().orElseThrow();
        test(row.type).selectItem("Vikarordning");
        assertThat(row.scheme.isEnabled()).isFalse();
    }

    @Test
    void the_position_page_shows_what_the_offer_is_worth_with_its_parts() {
        var id = TestUsers.as(users, ROST_USER, () -> {
            var data = new PositionData("1856", "ALIS med fastlønn på Røst " + UUID.randomUUID().toString().substring(0, 5),
                    null, "Røst legekontor", null, EmploymentForm.SALARIED, WorkSetting.GP_PRACTICE, 500, 1_100_000,
                    true, true, Set.of(AlisAgreementElement.PRACTICE_COMPENSATION),
                    Map.of(AlisAgreementElement.PRACTICE_COMPENSATION, 150_000), false,
                    List.of(new Incentive(IncentiveType.LOCUM_SCHEME, 200_000, "Vikar", true)), true, 4, false, 4, true,
                    LocalDate.now().plusMonths(4), LocalDate.now().plusMonths(2), 1, Contact.empty());
            var created = positions.create(data);
            return positions.publish(created.id(), created.version()).id().value();
        });
        navigate("stilling/" + id, PositionPage.class);
        var value = $(Section.class).all().stream().filter(s -> s.hasClassName("position-value")).findFirst()
                .orElseThrow();
        var text = value.getElement().getTextRecursively().replace('\u00a0', ' ');
        assertThat(text).contains("1,45 mill. kr i året", "Fastlønn: 1,1 mill. kr",
                "ALIS-avtalens standardelementer: 150 000 kr", "Insentiver: 200 000 kr",
                "Herav ekstraelementer i den nasjonale ALIS-ordningen: 200 000 kr");
    }
}
