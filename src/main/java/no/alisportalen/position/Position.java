package no.alisportalen.position;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import no.alisportalen.municipality.Region;
import org.jspecify.annotations.Nullable;

/**
 * A position as everyone outside this feature sees it; its JSON is the public API's "Position".
 *
 * @param applicationCount null unless the viewer may see it (owner, the region's ALIS office, admins)
 */
public record Position(
        PositionId id,
        long version,
        PositionStatus status,
        @JsonUnwrapped PositionData data,
        String municipalityName,
        String countyName,
        Region region,
        int centrality,
        @Nullable Instant publishedAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer applicationCount) {

    public String municipalityNumber() {
        return java.util.Objects.requireNonNull(data.municipalityNumber());
    }

    public boolean isOpen(java.time.LocalDate today) {
        return status == PositionStatus.PUBLISHED && data.applicationDeadline() != null
                && !data.applicationDeadline().isBefore(today);
    }

    /**
     * While the position has an applicant list: that what an applicant tells may be made public even if they ask
     * not to be listed (offentleglova § 25), in the request's language. Not in the search index, which holds one
     * language; search hits carry {@code applicantList} and the page of the position the text.
     */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "applicantListNotice",
            access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public @Nullable String applicantListNotice() {
        return data.listsApplicants() ? ApplicantListNotice.text(
                org.springframework.context.i18n.LocaleContextHolder.getLocale()) : null;
    }

    public Position withApplicationCount(int count) {
        return new Position(id, version, status, data, municipalityName, countyName, region, centrality, publishedAt,
                updatedAt, count);
    }
}
