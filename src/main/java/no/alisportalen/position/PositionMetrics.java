package no.alisportalen.position;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import no.alisportalen.base.Sampled;
import no.alisportalen.base.StatusGauges;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The position side of /actuator/prometheus: positions by status, and how far the search indexer and the feed
 * sequencer lag behind the writes (the age of the oldest change each has not handled yet; 0 when none waits).
 * Read from the store, so every node reports the same figures.
 */
@Component
class PositionMetrics implements MeterBinder {

    private final MongoTemplate mongo;
    private final Sampled<Double> indexerLag;
    private final Sampled<Double> feedLag;

    PositionMetrics(MongoTemplate mongo, ChangeQueues queues, Clock clock) {
        this.mongo = mongo;
        this.indexerLag = new Sampled<>(Duration.ofSeconds(2),
                () -> StatusGauges.secondsSince(queues.oldest(ChangeQueues.INDEX), clock));
        this.feedLag = new Sampled<>(Duration.ofSeconds(2),
                () -> StatusGauges.secondsSince(queues.oldest(ChangeQueues.FEED), clock));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        StatusGauges.register(registry, "portal.positions", "Positions by status", mongo,
                mongo.getCollectionName(PositionDocument.class), PositionStatus.class);
        Gauge.builder("portal.indexer.lag", indexerLag, Sampled::get).baseUnit("seconds")
                .description("Age of the oldest position change not yet in the search index").register(registry);
        Gauge.builder("portal.feed.lag", feedLag, Sampled::get).baseUnit("seconds")
                .description("Age of the oldest position change not yet in the feed").register(registry);
    }
}
