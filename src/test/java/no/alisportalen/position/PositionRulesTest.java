package no.alisportalen.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import no.alisportalen.base.FieldProblem;
import org.junit.jupiter.api.Test;

class PositionRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static PositionData valid() {
        return new PositionData("1804", "ALIS med fastlønn, Bodø legesenter", "Tekst", "Bodø legesenter", null,
                EmploymentForm.SALARIED, WorkSetting.GP_PRACTICE, 700, 1_150_000, true, true,
                Set.of(AlisAgreementElement.COURSE_EXPENSES), true,
                List.of(new Incentive(IncentiveType.HOUSING, 50_000, "Bolig")), true, 4, true, 6, true,
                TODAY.plusMonths(4), TODAY.plusMonths(2), 1, new Contact("Kari", "kari@bodo.kommune.no", "+47 1"));
    }

    static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    private static List<String> saveProblems(PositionData data) {
        return fields(PositionRules.forSave(data, n -> n.equals("1804")));
    }

    @Test
    void a_complete_position_passes_save_and_publish_rules() {
        assertThat(PositionRules.forSave(valid(), n -> true)).isEmpty();
        assertThat(PositionRules.forPublish(valid(), TODAY)).isEmpty();
    }

    @Test
    void unknown_municipality_and_title_length_are_checked() {
        var v = valid();
        var data = new PositionData("9999", "Kort", v.description(), v.workplace(), null, v.employmentForm(),
                v.setting(), v.listLength(), v.annualSalaryNok(), true, true, v.alisAgreementElements(), true,
                v.incentives(), true, 4, true, 6, true, v.startDate(), v.applicationDeadline(), 1, v.contact());
        assertThat(saveProblems(data)).contains("municipalityNumber", "title");
        assertThat(saveProblems(new PositionData("1804", "x".repeat(201), null, null, null, EmploymentForm.SELF_EMPLOYED,
                WorkSetting.NURSING_HOME, null, null, false, false, Set.of(), false, List.of(), false, null, false,
                null, false, null, null, 1, Contact.empty()))).containsExactly("title");
    }

    @Test
    void salary_is_required_for_salaried_and_forbidden_for_self_employed() {
        var v = valid();
        var salariedWithout = new PositionData("1804", v.title(), null, null, null, EmploymentForm.SALARIED,
                WorkSetting.GP_PRACTICE, 700, null, false, false, Set.of(), false, List.of(), false, 4, false, null,
                false, null, null, 1, Contact.empty());
        assertThat(saveProblems(salariedWithout)).containsExactly("annualSalaryNok");
        var selfEmployedWith = new PositionData("1804", v.title(), null, null, null, EmploymentForm.SELF_EMPLOYED,
                WorkSetting.GP_PRACTICE, 700, 900_000, false, false, Set.of(), false, List.of(), false, 4, false, null,
                false, null, null, 1, Contact.empty());
        assertThat(saveProblems(selfEmployedWith)).containsExactly("annualSalaryNok");
    }

    @Test
    void numeric_ranges_follow_the_api_contract() {
        var v = valid();
        var absurd = new PositionData("1804", v.title(), null, null, null, EmploymentForm.SALARIED,
                WorkSetting.GP_PRACTICE, 3001, 5_000_001, false, false, Set.of(), false,
                List.of(new Incentive(IncentiveType.OTHER, 1_000_001, null), new Incentive(null, 1, null)), false, 41,
                false, 1, false, null, null, 51, Contact.empty());
        assertThat(saveProblems(absurd)).containsExactlyInAnyOrder("listLength", "annualSalaryNok",
                "incentives[0].annualAmountNok", "incentives[1].type", "supervisionHoursPerMonth", "onCallRotation",
                "openings");
        var tooLow = new PositionData("1804", v.title(), null, null, null, EmploymentForm.SALARIED,
                WorkSetting.GP_PRACTICE, -1, 299_999, false, false, Set.of(), false, List.of(), false, -1, false, 53,
                false, null, null, 0, Contact.empty());
        assertThat(saveProblems(tooLow)).containsExactlyInAnyOrder("listLength", "annualSalaryNok",
                "supervisionHoursPerMonth", "onCallRotation", "openings");
    }

    @Test
    void the_deadline_may_not_be_after_the_start_and_publishing_needs_a_future_deadline() {
        var v = valid();
        assertThat(saveProblems(v.withDates(TODAY.plusDays(10), TODAY.plusDays(11))))
                .containsExactly("applicationDeadline");
        assertThat(saveProblems(v.withDates(TODAY.plusDays(10), TODAY.plusDays(10)))).isEmpty();
        assertThat(fields(PositionRules.forPublish(v.withDates(TODAY.plusDays(10), TODAY.minusDays(1)), TODAY)))
                .containsExactly("applicationDeadline");
        assertThat(PositionRules.forPublish(v.withDates(TODAY.plusDays(10), TODAY), TODAY)).isEmpty();
        assertThat(fields(PositionRules.forPublish(v.withDates(null, null), TODAY)))
                .containsExactlyInAnyOrder("applicationDeadline", "startDate");
    }

    @Test
    void agreement_elements_need_the_agreement_and_contact_email_must_be_valid() {
        var v = valid();
        var data = new PositionData("1804", v.title(), null, null, null, EmploymentForm.SELF_EMPLOYED,
                WorkSetting.OUT_OF_HOURS, null, null, false, false, Set.of(AlisAgreementElement.SUPERVISION_COSTS),
                false, List.of(), false, null, false, null, false, null, null, 1, new Contact(null, "not-an-email", null));
        assertThat(saveProblems(data)).containsExactlyInAnyOrder("alisAgreementElements", "contact.email");
    }
}
