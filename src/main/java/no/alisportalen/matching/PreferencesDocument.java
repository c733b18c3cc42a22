package no.alisportalen.matching;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An applicant's stored preferences; the id is the account id, so there is one per applicant. */
@Document("preferences")
record PreferencesDocument(@Id String id, Preferences preferences, Instant updatedAt) {}
