package no.alisportalen.position;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of the public change feed, with the position as it was after the change. */
public record FeedItem(long sequence, FeedChangeType changeType, Instant changedAt, Position position) {

    /**
     * On a close (or fill) of a position with an applicant list: where the list can be read, since the close
     * ends the application period (offentleglova § 25); 404 there until the municipality's decisions are done.
     */
    @JsonProperty(value = "applicantListUrl", access = JsonProperty.Access.READ_ONLY)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public @Nullable String applicantListUrl() {
        return changeType == FeedChangeType.CLOSED && position.data().listsApplicants()
                ? "/api/v1/positions/" + position.id().value() + "/applicant-list" : null;
    }
}
