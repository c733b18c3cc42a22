package no.alisportalen.base;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;

/** One gauge per status value of a collection's {@code status} field, counted in one aggregation per period. */
public final class StatusGauges {

    private StatusGauges() {}

    public static <E extends Enum<E>> void register(MeterRegistry registry, String name, String description,
            MongoTemplate mongo, String collection, Class<E> statuses) {
        var counts = new Sampled<Map<E, Long>>(Duration.ofSeconds(10), () -> {
            Map<E, Long> byStatus = new EnumMap<>(statuses);
            for (var status : statuses.getEnumConstants()) {
                byStatus.put(status, 0L);
            }
            for (var row : mongo.aggregate(Aggregation.newAggregation(Aggregation.group("status").count().as("n")),
                    collection, Document.class)) {
                for (var status : statuses.getEnumConstants()) {
                    if (status.name().equals(String.valueOf(row.get("_id")))) {
                        byStatus.put(status, ((Number) row.get("n")).longValue());
                    }
                }
            }
            return byStatus;
        });
        for (var status : statuses.getEnumConstants()) {
            Gauge.builder(name, counts, c -> c.get().get(status)).tag("status", status.name())
                    .description(description).register(registry);
        }
    }

    /** Seconds from an instant to now, never negative; 0 when nothing waits. */
    public static double secondsSince(java.util.Optional<java.time.Instant> since, java.time.Clock clock) {
        return since.map(s -> Math.max(0, Duration.between(s, clock.instant()).toMillis() / 1000.0)).orElse(0.0);
    }
}
