package no.alisportalen.position;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import no.alisportalen.municipality.GeoPoint;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /positions} and {@code PUT /positions/{id}}. Read-only fields (id, status,
 * municipality name, county, region, recruitmentWeak, yearlyValue, timestamps, applicationCount) are ignored if
 * sent; {@code version} is
 * required for PUT.
 */
record PositionRequest(
        @Nullable Long version,
        @Nullable String municipalityNumber,
        @Nullable String title,
        @Nullable String description,
        @Nullable String workplace,
        @Nullable GeoPoint location,
        @Nullable EmploymentForm employmentForm,
        @Nullable WorkSetting setting,
        @Nullable Integer listLength,
        @Nullable Integer annualSalaryNok,
        @Nullable Boolean introductionAgreement,
        @Nullable Boolean alisAgreement,
        @Nullable Set<AlisAgreementElement> alisAgreementElements,
        java.util.@Nullable Map<AlisAgreementElement, Integer> alisAgreementElementsNok,
        @Nullable Boolean recruitmentWeak,
        @Nullable List<Incentive> incentives,
        @Nullable Boolean supervisorOnSite,
        @Nullable Integer supervisionHoursPerMonth,
        @Nullable Boolean supervisionGroup,
        @Nullable Integer onCallRotation,
        @Nullable Boolean onCallBackup,
        @Nullable LocalDate startDate,
        @Nullable LocalDate applicationDeadline,
        @Nullable Integer openings,
        @Nullable Contact contact,
        @Nullable Boolean applicantList) {

    PositionData toData() {
        return new PositionData(municipalityNumber, title, description, workplace, location, employmentForm, setting,
                listLength, annualSalaryNok, is(introductionAgreement), is(alisAgreement),
                alisAgreementElements == null ? Set.of() : alisAgreementElements,
                alisAgreementElementsNok == null ? java.util.Map.of() : alisAgreementElementsNok,
                false, // derived from the municipality; what a client sends is ignored
                incentives == null ? List.of() : incentives.stream().filter(java.util.Objects::nonNull).toList(),
                is(supervisorOnSite), supervisionHoursPerMonth, is(supervisionGroup), onCallRotation, is(onCallBackup),
                startDate, applicationDeadline, openings == null ? 1 : openings, contact,
                applicantList == null ? Boolean.TRUE : applicantList);
    }

    private static boolean is(@Nullable Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
