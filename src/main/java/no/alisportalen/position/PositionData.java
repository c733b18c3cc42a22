package no.alisportalen.position;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import no.alisportalen.municipality.GeoPoint;
import org.jspecify.annotations.Nullable;

/**
 * What a municipality writes: every editable field of a position (the form binds this, the API reads it).
 * Fields are nullable because drafts may be incomplete; {@link PositionRules} says what must hold to save and to
 * publish.
 *
 * @param listLength patient list length; null where the setting has none
 * @param annualSalaryNok required for SALARIED, null for SELF_EMPLOYED
 * @param onCallRotation on call one in N; null means no on-call duty
 * @param location defaults to the municipality's coordinates
 */
public record PositionData(
        @Nullable String municipalityNumber,
        @Nullable String title,
        @Nullable String description,
        @Nullable String workplace,
        @Nullable GeoPoint location,
        @Nullable EmploymentForm employmentForm,
        @Nullable WorkSetting setting,
        @Nullable Integer listLength,
        @Nullable Integer annualSalaryNok,
        boolean introductionAgreement,
        boolean alisAgreement,
        Set<AlisAgreementElement> alisAgreementElements,
        boolean recruitmentWeak,
        List<Incentive> incentives,
        boolean supervisorOnSite,
        @Nullable Integer supervisionHoursPerMonth,
        boolean supervisionGroup,
        @Nullable Integer onCallRotation,
        boolean onCallBackup,
        @Nullable LocalDate startDate,
        @Nullable LocalDate applicationDeadline,
        @Nullable Integer openings,
        Contact contact) {

    public PositionData {
        alisAgreementElements = alisAgreementElements == null ? Set.of() : Set.copyOf(alisAgreementElements);
        incentives = incentives == null ? List.of() : List.copyOf(incentives);
        contact = contact == null ? Contact.empty() : contact;
    }

    /** A blank draft for a municipality, with the defaults a new form starts from. */
    public static PositionData blank(String municipalityNumber) {
        return new PositionData(municipalityNumber, null, null, null, null, EmploymentForm.SALARIED,
                WorkSetting.GP_PRACTICE, null, null, false, true, Set.of(), false, List.of(), true, 4, false, null,
                false, null, null, 1, Contact.empty());
    }

    public PositionData withDates(@Nullable LocalDate start, @Nullable LocalDate deadline) {
        return new PositionData(municipalityNumber, title, description, workplace, location, employmentForm, setting,
                listLength, annualSalaryNok, introductionAgreement, alisAgreement, alisAgreementElements,
                recruitmentWeak, incentives, supervisorOnSite, supervisionHoursPerMonth, supervisionGroup,
                onCallRotation, onCallBackup, start, deadline, openings, contact);
    }

    public PositionData withDescriptionAndLocation(@Nullable String cleanDescription, @Nullable GeoPoint point) {
        return new PositionData(municipalityNumber, title, cleanDescription, workplace, point, employmentForm,
                setting, listLength, annualSalaryNok, introductionAgreement, alisAgreement, alisAgreementElements,
                recruitmentWeak, incentives, supervisorOnSite, supervisionHoursPerMonth, supervisionGroup,
                onCallRotation, onCallBackup, startDate, applicationDeadline, openings, contact);
    }

    public int totalIncentivesNok() {
        return incentives.stream().mapToInt(i -> i.annualAmountNok() == null ? 0 : i.annualAmountNok()).sum();
    }
}
