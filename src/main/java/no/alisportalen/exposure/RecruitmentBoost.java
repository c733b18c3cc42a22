package no.alisportalen.exposure;

import java.time.Duration;
import java.time.Instant;
import no.alisportalen.account.PortalUser;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The portal-wide switch of the recruitment boost and its bounds. The switch lives in the store so an admin's
 * change reaches every node (each reads it at most every five seconds); the bounds are configuration.
 */
@Service
public class RecruitmentBoost {

    private static final String SETTINGS = "settings";
    private static final String ID = "recruitmentBoost";
    private static final Duration FRESH = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final ExposureProperties properties;
    private volatile boolean enabled;
    private volatile Instant readAt = Instant.EPOCH;

    RecruitmentBoost(MongoTemplate mongo, ExposureProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** Whether search and matching give positions that need applicants their bounded boost. */
    public boolean enabled() {
        if (Instant.now().isAfter(readAt.plus(FRESH))) {
            var stored = mongo.findById(ID, Document.class, SETTINGS);
            enabled = stored == null ? properties.boostEnabled() : stored.getBoolean("enabled", true);
            readAt = Instant.now();
        }
        return enabled;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void setEnabled(boolean on) {
        mongo.upsert(Query.query(Criteria.where("_id").is(ID)), new Update().set("enabled", on)
                .set("changedBy", PortalUser.current().map(PortalUser::actor).orElse("")).set("changedAt", Instant.now()),
                SETTINGS);
        enabled = on;
        readAt = Instant.now();
    }

    /** The most points (of 100) the boost adds to a match's rank score. */
    public int matchMargin() {
        return properties.matchMargin();
    }

    /** A search result's relevance is multiplied by at most 1 + this. */
    public double searchMargin() {
        return properties.searchMargin();
    }
}
