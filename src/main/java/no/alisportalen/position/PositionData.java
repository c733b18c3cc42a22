package no.alisportalen.position;

import java.time.LocalDate;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.alisportalen.base.OrderedSets;
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
 * @param alisAgreementElementsNok NOK per year of each offered standard element (the service fills the
 *     configured defaults for those a municipality leaves out)
 * @param recruitmentWeak derived from the municipality (read-only; the service sets it)
 * @param applicantList whether an applicant list under offentleglova § 25 is made when the period ends (default
 *     true; false only for self-employed positions); null in documents from before the field reads as true
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
        Map<AlisAgreementElement, Integer> alisAgreementElementsNok,
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
        Contact contact,
        @Nullable Boolean applicantList) {

    public PositionData {
        applicantList = applicantList == null ? Boolean.TRUE : applicantList;
        alisAgreementElements = OrderedSets.copyOf(alisAgreementElements);
        var amounts = new java.util.EnumMap<AlisAgreementElement, Integer>(AlisAgreementElement.class);
        if (alisAgreementElementsNok != null) {
            alisAgreementElementsNok.forEach((element, nok) -> {
                if (element != null && nok != null) {
                    amounts.put(element, nok);
                }
            });
        }
        alisAgreementElementsNok = java.util.Collections.unmodifiableMap(amounts);
        incentives = incentives == null ? List.of() : List.copyOf(incentives);
        contact = contact == null ? Contact.empty() : contact;
    }

    /** With an applicant list (the default). */
    public PositionData(@Nullable String municipalityNumber, @Nullable String title, @Nullable String description,
            @Nullable String workplace, @Nullable GeoPoint location, @Nullable EmploymentForm employmentForm,
            @Nullable WorkSetting setting, @Nullable Integer listLength, @Nullable Integer annualSalaryNok,
            boolean introductionAgreement, boolean alisAgreement, Set<AlisAgreementElement> alisAgreementElements,
            Map<AlisAgreementElement, Integer> alisAgreementElementsNok, boolean recruitmentWeak,
            List<Incentive> incentives, boolean supervisorOnSite, @Nullable Integer supervisionHoursPerMonth,
            boolean supervisionGroup, @Nullable Integer onCallRotation, boolean onCallBackup,
            @Nullable LocalDate startDate, @Nullable LocalDate applicationDeadline, @Nullable Integer openings,
            Contact contact) {
        this(municipalityNumber, title, description, workplace, location, employmentForm, setting, listLength,
                annualSalaryNok, introductionAgreement, alisAgreement, alisAgreementElements, alisAgreementElementsNok,
                recruitmentWeak, incentives, supervisorOnSite, supervisionHoursPerMonth, supervisionGroup,
                onCallRotation, onCallBackup, startDate, applicationDeadline, openings, contact, Boolean.TRUE);
    }

    /** Without element amounts (the service fills the configured defaults). */
    public PositionData(@Nullable String municipalityNumber, @Nullable String title, @Nullable String description,
            @Nullable String workplace, @Nullable GeoPoint location, @Nullable EmploymentForm employmentForm,
            @Nullable WorkSetting setting, @Nullable Integer listLength, @Nullable Integer annualSalaryNok,
            boolean introductionAgreement, boolean alisAgreement, Set<AlisAgreementElement> alisAgreementElements,
            boolean recruitmentWeak, List<Incentive> incentives, boolean supervisorOnSite,
            @Nullable Integer supervisionHoursPerMonth, boolean supervisionGroup, @Nullable Integer onCallRotation,
            boolean onCallBackup, @Nullable LocalDate startDate, @Nullable LocalDate applicationDeadline,
            @Nullable Integer openings, Contact contact) {
        this(municipalityNumber, title, description, workplace, location, employmentForm, setting, listLength,
                annualSalaryNok, introductionAgreement, alisAgreement, alisAgreementElements, Map.of(),
                recruitmentWeak, incentives, supervisorOnSite, supervisionHoursPerMonth, supervisionGroup,
                onCallRotation, onCallBackup, startDate, applicationDeadline, openings, contact, Boolean.TRUE);
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
                alisAgreementElementsNok, recruitmentWeak, incentives, supervisorOnSite, supervisionHoursPerMonth, supervisionGroup,
                onCallRotation, onCallBackup, start, deadline, openings, contact, applicantList);
    }

    public PositionData withDescriptionAndLocation(@Nullable String cleanDescription, @Nullable GeoPoint point) {
        return new PositionData(municipalityNumber, title, cleanDescription, workplace, point, employmentForm,
                setting, listLength, annualSalaryNok, introductionAgreement, alisAgreement, alisAgreementElements,
                alisAgreementElementsNok, recruitmentWeak, incentives, supervisorOnSite, supervisionHoursPerMonth, supervisionGroup,
                onCallRotation, onCallBackup, startDate, applicationDeadline, openings, contact, applicantList);
    }

    /** The scheme's derived parts: the municipality's weakness and each offered element's amount. */
    public PositionData withScheme(boolean weak, Map<AlisAgreementElement, Integer> amounts) {
        return new PositionData(municipalityNumber, title, description, workplace, location, employmentForm, setting,
                listLength, annualSalaryNok, introductionAgreement, alisAgreement, alisAgreementElements, amounts,
                weak, incentives, supervisorOnSite, supervisionHoursPerMonth, supervisionGroup, onCallRotation,
                onCallBackup, startDate, applicationDeadline, openings, contact, applicantList);
    }

    public PositionData withIncentives(List<Incentive> changed) {
        return new PositionData(municipalityNumber, title, description, workplace, location, employmentForm, setting,
                listLength, annualSalaryNok, introductionAgreement, alisAgreement, alisAgreementElements,
                alisAgreementElementsNok, recruitmentWeak, changed, supervisorOnSite, supervisionHoursPerMonth,
                supervisionGroup, onCallRotation, onCallBackup, startDate, applicationDeadline, openings, contact,
                applicantList);
    }

    /** Whether an applicant list is made for the position (null, from old documents, reads as yes). */
    @JsonIgnore
    public boolean listsApplicants() {
        return !Boolean.FALSE.equals(applicantList);
    }

    public int totalIncentivesNok() {
        return incentives.stream().mapToInt(Incentive::amount).sum();
    }

    /** The fixed salary, where there is one (salaried positions). */
    @JsonIgnore
    public int salaryPartNok() {
        return employmentForm == EmploymentForm.SALARIED && annualSalaryNok != null ? annualSalaryNok : 0;
    }

    /** The offered standard elements of the ALIS agreement together, NOK per year. */
    @JsonIgnore
    public int standardElementsNok() {
        return alisAgreementElements.stream().mapToInt(e -> alisAgreementElementsNok.getOrDefault(e, 0)).sum();
    }

    /** Incentives that are extra elements of the national scheme, NOK per year. */
    @JsonIgnore
    public int schemeExtrasNok() {
        return incentives.stream().filter(Incentive::scheme).mapToInt(Incentive::amount).sum();
    }

    /**
     * What the offer is worth a year: the fixed salary (salaried) plus the agreement's elements and the
     * incentives. For self-employed positions only the guaranteed parts (income depends on the list).
     */
    @JsonProperty(value = "yearlyValue", access = JsonProperty.Access.READ_ONLY)
    public int yearlyValue() {
        return salaryPartNok() + standardElementsNok() + totalIncentivesNok();
    }
}
