package no.alisportalen.matching;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import no.alisportalen.base.OrderedSets;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.WorkSetting;
import org.jspecify.annotations.Nullable;

/**
 * What an applicant wants, as in "Matching" of the API contract. Hard constraints: non-empty employment forms and
 * settings, maxListLength, minAnnualSalaryNok, maxDistanceKm, minOnCallRotation, the start window, every REQUIRED,
 * and the location lists when locationRequired. Everything else is a soft preference weighted by {@link Weights}.
 *
 * @param minOnCallRotation on call no more often than 1:N (a position without on-call duty always satisfies it)
 * @param recruitmentBoost false switches the recruitment boost off for this applicant's matches (default true)
 */
public record Preferences(
        Set<Region> regions,
        Set<String> counties,
        Set<String> municipalities,
        Boolean locationRequired,
        @Nullable String homeMunicipality,
        @Nullable Integer maxDistanceKm,
        Set<EmploymentForm> employmentForms,
        Set<WorkSetting> settings,
        @Nullable Integer maxListLength,
        @Nullable Integer minAnnualSalaryNok,
        Requirement fixedSalary,
        Requirement introductionAgreement,
        Requirement supervisorOnSite,
        @Nullable Integer minOnCallRotation,
        @Nullable LocalDate earliestStart,
        @Nullable LocalDate latestStart,
        Boolean incentivesPreferred,
        Weights weights,
        Boolean recruitmentBoost) {

    /** Booleans are boxed only so that JSON may leave them out (false); they are never null after construction. */
    @SuppressWarnings("ConstantValue")
    public Preferences {
        locationRequired = locationRequired != null && locationRequired;
        incentivesPreferred = incentivesPreferred != null && incentivesPreferred;
        recruitmentBoost = recruitmentBoost == null || recruitmentBoost;
        regions = OrderedSets.copyOf(regions);
        counties = OrderedSets.copyOf(counties);
        municipalities = OrderedSets.copyOf(municipalities);
        employmentForms = OrderedSets.copyOf(employmentForms);
        settings = OrderedSets.copyOf(settings);
        fixedSalary = fixedSalary == null ? Requirement.ANY : fixedSalary;
        introductionAgreement = introductionAgreement == null ? Requirement.ANY : introductionAgreement;
        supervisorOnSite = supervisorOnSite == null ? Requirement.ANY : supervisorOnSite;
        weights = weights == null ? Weights.defaults() : weights.complete();
    }

    /**
     * Sensible defaults for a new applicant: every form and setting, fixed salary, an introduction agreement and a
     * supervisor on site preferred, incentives welcome, default weights; no hard limits.
     */
    public static Preferences defaults() {
        return new Preferences(Set.of(), Set.of(), Set.of(), false, null, null, EnumSet.allOf(EmploymentForm.class),
                EnumSet.allOf(WorkSetting.class), null, null, Requirement.PREFERRED, Requirement.PREFERRED,
                Requirement.PREFERRED, null, null, null, true, Weights.defaults(), true);
    }

    public Builder toBuilder() {
        var b = new Builder();
        b.regions = regions;
        b.counties = counties;
        b.municipalities = municipalities;
        b.locationRequired = locationRequired;
        b.homeMunicipality = homeMunicipality;
        b.maxDistanceKm = maxDistanceKm;
        b.employmentForms = employmentForms;
        b.settings = settings;
        b.maxListLength = maxListLength;
        b.minAnnualSalaryNok = minAnnualSalaryNok;
        b.fixedSalary = fixedSalary;
        b.introductionAgreement = introductionAgreement;
        b.supervisorOnSite = supervisorOnSite;
        b.minOnCallRotation = minOnCallRotation;
        b.earliestStart = earliestStart;
        b.latestStart = latestStart;
        b.incentivesPreferred = incentivesPreferred;
        b.weights = weights;
        b.recruitmentBoost = recruitmentBoost;
        return b;
    }

    /** Mutable copy for editors and for "what if" variations. */
    public static final class Builder {
        public Set<Region> regions = Set.of();
        public Set<String> counties = Set.of();
        public Set<String> municipalities = Set.of();
        public boolean locationRequired;
        public @Nullable String homeMunicipality;
        public @Nullable Integer maxDistanceKm;
        public Set<EmploymentForm> employmentForms = Set.of();
        public Set<WorkSetting> settings = Set.of();
        public @Nullable Integer maxListLength;
        public @Nullable Integer minAnnualSalaryNok;
        public Requirement fixedSalary = Requirement.ANY;
        public Requirement introductionAgreement = Requirement.ANY;
        public Requirement supervisorOnSite = Requirement.ANY;
        public @Nullable Integer minOnCallRotation;
        public @Nullable LocalDate earliestStart;
        public @Nullable LocalDate latestStart;
        public boolean incentivesPreferred;
        public Weights weights = Weights.defaults();
        public boolean recruitmentBoost = true;

        public Preferences build() {
            return new Preferences(regions, counties, municipalities, locationRequired, homeMunicipality,
                    maxDistanceKm, employmentForms, settings, maxListLength, minAnnualSalaryNok, fixedSalary,
                    introductionAgreement, supervisorOnSite, minOnCallRotation, earliestStart, latestStart,
                    incentivesPreferred, weights, recruitmentBoost);
        }
    }

    boolean hasLocations() {
        return !regions.isEmpty() || !counties.isEmpty() || !municipalities.isEmpty();
    }
}
