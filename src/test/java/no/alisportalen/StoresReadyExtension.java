package no.alisportalen;

import java.time.Duration;
import no.alisportalen.infrastructure.embedded.EmbeddedElasticsearch;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The embedded Elasticsearch starts in the background with the context (about 11 s); tests that search wait
 * for it here, once per class, instead of sleeping.
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
    }
}
