package no.alisportalen.round;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import no.alisportalen.base.Backdating;
import no.alisportalen.round.RoundDocuments.ApplicantRanking;
import no.alisportalen.round.RoundDocuments.CoupleHalf;
import no.alisportalen.round.RoundDocuments.PositionRanking;
import no.alisportalen.round.RoundDocuments.RoundDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rankings are personal data kept as long as applications are ({@code portal.applications.retention}, default
 * twelve months): that long after a round was published or cancelled, its applicants' and municipalities'
 * rankings and the match's input snapshot are deleted. The result stays (opaque account ids, no names), so the
 * office's figures remain.
 */
@Component
class RoundRetention {

    private static final Logger log = LoggerFactory.getLogger(RoundRetention.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Period retention;

    RoundRetention(MongoTemplate mongo, Clock clock,
            @Value("${portal.applications.retention:P12M}") Period retention) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelay = 120_000, fixedDelay = 86_400_000)
    void scheduled() {
        if (!Backdating.inProgress()) {
            purgeBefore(ZonedDateTime.now(clock).minus(retention).toInstant());
        }
    }

    /** Purges rounds published or cancelled before the cutoff; returns how many. */
    int purgeBefore(Instant cutoff) {
        var query = Query.query(Criteria.where("purgedAt").is(null).orOperator(
                Criteria.where("status").is(RoundStatus.PUBLISHED).and("publishedAt").lt(cutoff),
                Criteria.where("status").is(RoundStatus.CANCELLED).and("createdAt").lt(cutoff)));
        int purged = 0;
        for (var round : mongo.find(query, RoundDocument.class)) {
            var ofRound = Query.query(Criteria.where("roundId").is(round.id()));
            mongo.remove(ofRound, ApplicantRanking.class);
            mongo.remove(ofRound, CoupleHalf.class);
            mongo.remove(ofRound, PositionRanking.class);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(round.id())), new Update().unset("snapshot")
                    .set("purgedAt", Instant.now(clock)).inc("version", 1), RoundDocument.class);
            purged++;
        }
        if (purged > 0) {
            log.info("Deleted the rankings of {} match rounds past the retention period", purged);
        }
        return purged;
    }
}
