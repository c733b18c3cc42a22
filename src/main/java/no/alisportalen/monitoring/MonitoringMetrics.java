package no.alisportalen.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import no.alisportalen.base.Sampled;
import no.alisportalen.base.StatusGauges;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * How stale the latent-demand counts may be: the age of the oldest change (position or applicant) they do not
 * yet reflect; 0 when they are current.
 */
@Component
class MonitoringMetrics implements MeterBinder {

    private final Sampled<Double> age;

    MonitoringMetrics(MongoTemplate mongo, Clock clock) {
        this.age = new Sampled<>(Duration.ofSeconds(2), () -> {
            var oldest = mongo.findOne(new Query().with(Sort.by("at")).limit(1), Document.class, LatentDemand.HINTS);
            return StatusGauges.secondsSince(Optional.ofNullable(oldest).map(d -> d.getDate("at"))
                    .map(java.util.Date::toInstant), clock);
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("portal.latent_demand.age", age, Sampled::get).baseUnit("seconds")
                .description("Age of the oldest change the latent-demand counts do not reflect yet").register(registry);
    }
}
