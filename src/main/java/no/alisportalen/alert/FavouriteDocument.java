package no.alisportalen.alert;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored favourite; the id is owner|position, so a position is a favourite at most once per applicant. */
@Document("favourites")
record FavouriteDocument(@Id String id, @Indexed String owner, @Indexed String positionId, String positionTitle,
        Instant createdAt) {}
