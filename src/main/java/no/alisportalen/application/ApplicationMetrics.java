package no.alisportalen.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import no.alisportalen.base.StatusGauges;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Applications by status on /actuator/prometheus (counts only, no personal data). */
@Component
class ApplicationMetrics implements MeterBinder {

    private final MongoTemplate mongo;

    ApplicationMetrics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        StatusGauges.register(registry, "portal.applications", "Applications by status", mongo, "applications",
                ApplicationStatus.class);
    }
}
