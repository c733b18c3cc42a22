package no.alisportalen.position;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import no.alisportalen.base.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The rules of shared/docs/api-v1.md for a position: what must hold to save one (any status) and what more must
 * hold to publish it. Field names are the API's JSON names, so problems map to form fields and API errors alike.
 */
public final class PositionRules {

    public static final int TITLE_MIN = 5;
    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 20_000;
    public static final int TEXT_MAX = 200;
    public static final int LIST_MAX = 3000;
    public static final int SALARY_MIN = 300_000;
    public static final int SALARY_MAX = 5_000_000;
    public static final int INCENTIVE_MAX = 1_000_000;
    public static final int INCENTIVES_MAX_COUNT = 20;
    public static final int SUPERVISION_HOURS_MAX = 40;
    /** The specialist rules ask for at least four hours of supervision a month; the form warns below it. */
    public static final int SUPERVISION_HOURS_RECOMMENDED = 4;
    public static final int ON_CALL_MIN = 2;
    public static final int ON_CALL_MAX = 52;
    public static final int OPENINGS_MAX = 50;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private PositionRules() {}

    /** Problems that block saving, even as a draft. */
    public static List<FieldProblem> forSave(PositionData d, java.util.function.Predicate<String> municipalityExists) {
        List<FieldProblem> p = new ArrayList<>();
        if (d.municipalityNumber() == null || !municipalityExists.test(d.municipalityNumber())) {
            p.add(FieldProblem.of("municipalityNumber", "validation.municipality.unknown"));
        }
        var title = d.title() == null ? "" : d.title().strip();
        if (title.length() < TITLE_MIN || title.length() > TITLE_MAX) {
            p.add(FieldProblem.of("title", "validation.position.title", TITLE_MIN, TITLE_MAX));
        }
        if (d.description() != null && d.description().length() > DESCRIPTION_MAX) {
            p.add(FieldProblem.of("description", "validation.position.description", DESCRIPTION_MAX));
        }
        if (d.workplace() != null && d.workplace().length() > TEXT_MAX) {
            p.add(FieldProblem.of("workplace", "validation.text.max", TEXT_MAX));
        }
        if (d.employmentForm() == null) {
            p.add(FieldProblem.of("employmentForm", "validation.required"));
        }
        if (d.setting() == null) {
            p.add(FieldProblem.of("setting", "validation.required"));
        }
        range(p, "listLength", d.listLength(), 0, LIST_MAX);
        // Offentleglova § 25: every municipal post has an applicant list; only the allocation of a GP contract
        // (a self-employed position) may go without one (api-v1 "Applicant lists").
        if (!d.listsApplicants() && d.employmentForm() == EmploymentForm.SALARIED) {
            p.add(FieldProblem.of("applicantList", "validation.position.applicantList"));
        }
        if (d.employmentForm() == EmploymentForm.SALARIED) {
            if (d.annualSalaryNok() == null) {
                p.add(FieldProblem.of("annualSalaryNok", "validation.position.salary.required"));
            } else {
                range(p, "annualSalaryNok", d.annualSalaryNok(), SALARY_MIN, SALARY_MAX);
            }
        } else if (d.employmentForm() == EmploymentForm.SELF_EMPLOYED && d.annualSalaryNok() != null) {
            p.add(FieldProblem.of("annualSalaryNok", "validation.position.salary.selfEmployed"));
        }
        if (!d.alisAgreement() && !d.alisAgreementElements().isEmpty()) {
            p.add(FieldProblem.of("alisAgreementElements", "validation.position.elementsWithoutAgreement"));
        }
        if (d.incentives().size() > INCENTIVES_MAX_COUNT) {
            p.add(FieldProblem.of("incentives", "validation.position.incentives.count", INCENTIVES_MAX_COUNT));
        }
        for (int i = 0; i < d.incentives().size(); i++) {
            var incentive = d.incentives().get(i);
            if (incentive == null || incentive.type() == null) {
                p.add(FieldProblem.of("incentives[" + i + "].type", "validation.required"));
                continue;
            }
            range(p, "incentives[" + i + "].annualAmountNok", incentive.annualAmountNok(), 0, INCENTIVE_MAX);
            if (incentive.description() != null && incentive.description().length() > 500) {
                p.add(FieldProblem.of("incentives[" + i + "].description", "validation.text.max", 500));
            }
        }
        range(p, "supervisionHoursPerMonth", d.supervisionHoursPerMonth(), 0, SUPERVISION_HOURS_MAX);
        range(p, "onCallRotation", d.onCallRotation(), ON_CALL_MIN, ON_CALL_MAX);
        if (d.openings() == null) {
            p.add(FieldProblem.of("openings", "validation.required"));
        } else {
            range(p, "openings", d.openings(), 1, OPENINGS_MAX);
        }
        if (d.startDate() != null && d.applicationDeadline() != null
                && d.applicationDeadline().isAfter(d.startDate())) {
            p.add(FieldProblem.of("applicationDeadline", "validation.position.deadlineAfterStart"));
        }
        var c = d.contact();
        if (c.name() != null && c.name().length() > TEXT_MAX) {
            p.add(FieldProblem.of("contact.name", "validation.text.max", TEXT_MAX));
        }
        if (c.email() != null && !c.email().isBlank() && (c.email().length() > 254 || !EMAIL.matcher(c.email()).matches())) {
            p.add(FieldProblem.of("contact.email", "validation.email.invalid"));
        }
        if (c.phone() != null && c.phone().length() > 40) {
            p.add(FieldProblem.of("contact.phone", "validation.text.max", 40));
        }
        return p;
    }

    /**
     * The national ALIS scheme's limits (problems that block saving): each standard element's amount within the
     * year's ceiling and all of them together at most the ceiling; extra elements only in an especially
     * recruitment-weak municipality, only of the kinds the scheme knows (sick-leave compensation only for
     * self-employed ALIS), and together at most the year's ceiling for extras.
     *
     * @param year the scheme figures for the position's start year
     * @param schemeYear that year, for the messages
     */
    public static List<FieldProblem> forScheme(PositionData d, SchemeProperties.Year year, int schemeYear,
            boolean municipalityWeak) {
        List<FieldProblem> p = new ArrayList<>();
        for (var entry : d.alisAgreementElementsNok().entrySet()) {
            var field = "alisAgreementElementsNok." + entry.getKey().name();
            if (!d.alisAgreementElements().contains(entry.getKey())) {
                p.add(FieldProblem.of(field, "validation.scheme.elementNotOffered"));
            } else {
                range(p, field, entry.getValue(), 0, year.standardMaxNok());
            }
        }
        int standard = d.standardElementsNok();
        if (standard > year.standardMaxNok()) {
            p.add(FieldProblem.of("alisAgreementElementsNok", "validation.scheme.standardTotal", year.standardMaxNok(),
                    schemeYear, standard));
        }
        for (int i = 0; i < d.incentives().size(); i++) {
            var incentive = d.incentives().get(i);
            if (incentive == null || !incentive.scheme() || incentive.type() == null) {
                continue;
            }
            var field = "incentives[" + i + "].schemeElement";
            if (!municipalityWeak) {
                p.add(FieldProblem.of(field, "validation.scheme.extraNotWeak"));
            } else if (!incentive.type().canBeSchemeElement()) {
                p.add(FieldProblem.of(field, "validation.scheme.extraKind"));
            } else if (incentive.type() == IncentiveType.SICK_LEAVE_COMPENSATION
                    && d.employmentForm() != EmploymentForm.SELF_EMPLOYED) {
                p.add(FieldProblem.of(field, "validation.scheme.sickLeaveSelfEmployed"));
            }
        }
        int extras = d.schemeExtrasNok();
        if (municipalityWeak && extras > year.extraMaxNok()) {
            p.add(FieldProblem.of("incentives", "validation.scheme.extraTotal", year.extraMaxNok(), schemeYear, extras));
        }
        return p;
    }

    /** Problems that block publishing (in addition to {@link #forSave}). */
    public static List<FieldProblem> forPublish(PositionData d, LocalDate today) {
        List<FieldProblem> p = new ArrayList<>();
        if (d.applicationDeadline() == null) {
            p.add(FieldProblem.of("applicationDeadline", "validation.position.deadline.required"));
        } else if (d.applicationDeadline().isBefore(today)) {
            p.add(FieldProblem.of("applicationDeadline", "validation.position.deadline.passed"));
        }
        if (d.startDate() == null) {
            p.add(FieldProblem.of("startDate", "validation.position.start.required"));
        }
        return p;
    }

    private static void range(List<FieldProblem> problems, String field, @Nullable Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.add(FieldProblem.of(field, "validation.range", min, max));
        }
    }
}
