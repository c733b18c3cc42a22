package no.alisportalen;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import no.alisportalen.infrastructure.embedded.EmbeddedElasticsearch;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The embedded Elasticsearch starts in the background with the context (about 11 s); tests that search wait
 * for it and for the portal's search readiness here, once per class, instead of sleeping.
 */
public class StoresReadyExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        var spring = SpringExtension.getApplicationContext(context);
        spring.getBeanProvider(EmbeddedElasticsearch.class).ifAvailable(es -> {
            if (!es.awaitHealthy(Duration.ofMinutes(3))) {
                throw new IllegalStateException("Embedded Elasticsearch did not become healthy");
            }
        });
        // Healthy is not ready: the indexer must also have reached it and the search alias exist. A class run on
        // its own in a fresh context otherwise got 503 from search and readiness.
        if (spring.containsBean("searchHealthIndicator")) {
            var search = spring.getBean("searchHealthIndicator", HealthIndicator.class);
            await("search ready").atMost(Duration.ofMinutes(2)).until(() -> Status.UP.equals(search.health()
                    .getStatus()));
        }
    }
}
