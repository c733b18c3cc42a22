package no.alisportalen.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import no.alisportalen.matching.Preferences;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Stores saved searches in bulk for the benchmark, and reads how far the alert evaluator has come. */
public final class AlertBenchmarkSupport {

    private AlertBenchmarkSupport() {}

    /** Each entry is either a search query string or preferences; owners are made-up account ids. */
    public static void insertSavedSearches(MongoTemplate mongo, List<Object> searches, Random random) {
        List<SavedSearchDocument> batch = new ArrayList<>();
        var createdAt = Instant.now().minusSeconds(60);
        for (var search : searches) {
            var token = new byte[24];
            random.nextBytes(token);
            batch.add(new SavedSearchDocument(new ObjectId().toHexString(), new ObjectId().toHexString(), "Benchmark",
                    search instanceof String ? SavedSearchKind.SEARCH : SavedSearchKind.PREFERENCES,
                    search instanceof String s ? s : null, search instanceof Preferences p ? p : null, false,
                    HexFormat.of().formatHex(token), createdAt));
            if (batch.size() == 5_000) {
                mongo.insertAll(batch);
                batch.clear();
            }
        }
        mongo.insertAll(batch);
    }

    /** The feed sequence the alert evaluator has handled up to. */
    public static long cursor(MongoTemplate mongo) {
        var document = mongo.findById("alerts", Document.class, AlertEvaluator.CURSORS);
        return document == null ? 0 : Long.parseLong(String.valueOf(document.get("after")));
    }
}
