package no.alisportalen.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import no.alisportalen.base.Sampled;
import no.alisportalen.base.StatusGauges;
import no.alisportalen.position.PositionService;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** How far the alert evaluator lags: the age of the oldest feed change after its cursor (0 when it is current). */
@Component
class AlertMetrics implements MeterBinder {

    private final Sampled<Double> lag;

    AlertMetrics(MongoTemplate mongo, PositionService positions, Clock clock) {
        this.lag = new Sampled<>(Duration.ofSeconds(2), () -> {
            var cursor = mongo.findById("alerts", Document.class, AlertEvaluator.CURSORS);
            var after = cursor == null || cursor.get("after") == null ? "0" : String.valueOf(cursor.get("after"));
            var next = positions.feed(after, 1).items().stream().findFirst();
            return StatusGauges.secondsSince(next.map(i -> i.changedAt()), clock);
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("portal.alerts.lag", lag, Sampled::get).baseUnit("seconds")
                .description("Age of the oldest feed change the alert evaluator has not handled").register(registry);
    }
}
