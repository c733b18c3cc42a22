package no.alisportalen.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code search} health component, part of readiness: UP once the indexer has reached Elasticsearch and the
 * search alias exists and answers a count, so a node taken into the load balancer never answers a search
 * with 503 because its index is not there yet.
 */
@Component("searchHealthIndicator")
class SearchReadiness implements HealthIndicator {

    private final SearchIndex index;
    private final SearchIndexer indexer;

    SearchReadiness(SearchIndex index, SearchIndexer indexer) {
        this.index = index;
        this.indexer = indexer;
    }

    @Override
    public Health health() {
        if (!indexer.isReachable()) {
            return Health.down().withDetail("reason", "indexer has not reached the search index").build();
        }
        try {
            index.count();
            return Health.up().build();
        } catch (java.io.IOException | RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
