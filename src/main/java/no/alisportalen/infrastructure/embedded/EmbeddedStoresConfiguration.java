package no.alisportalen.infrastructure.embedded;

import com.mongodb.ConnectionString;
import java.nio.file.Path;
import no.alisportalen.infrastructure.ElasticsearchProperties;
import no.alisportalen.infrastructure.StorageProperties;
import no.alisportalen.infrastructure.StoreProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: each store runs embedded unless its URI is configured. Both start in parallel with the
 * rest of the context; Elasticsearch (about 11 s to healthy) comes up in the background while Spring continues.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedStoresConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
    static class Mongo {

        @Bean(destroyMethod = "close")
        EmbeddedMongo embeddedMongo(StorageProperties storage, StoreProperties store) {
            return EmbeddedMongo.acquire(storage.absoluteDataDir().resolve("store").resolve(EmbeddedMongo.FILE_NAME),
                    store.sync() == StoreProperties.Sync.FULL);
        }

        /** Boot's Mongo auto-configuration backs off from its own details when this bean exists. */
        @Bean
        MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo mongo) {
            var uri = new ConnectionString(mongo.connectionString());
            return () -> uri;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${spring.elasticsearch.uris:}'.isEmpty()")
    static class Elasticsearch {

        @Bean(destroyMethod = "close")
        EmbeddedElasticsearch embeddedElasticsearch(StorageProperties storage, ElasticsearchProperties properties) {
            var embedded = properties.embedded();
            Path javaHome = embedded.javaHome() != null ? embedded.javaHome() : Path.of(System.getProperty("java.home"));
            return EmbeddedElasticsearch.acquire(new EmbeddedElasticsearch.Settings(
                    embedded.home(), storage.absoluteDataDir().resolve("elasticsearch"), embedded.heap(), javaHome,
                    embedded.runAsUid()));
        }

        /** Runners (the demo loader among them) have finished: the server's boot priority ends here. */
        @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
        void portalStarted(org.springframework.boot.context.event.ApplicationReadyEvent event) {
            event.getApplicationContext().getBeanProvider(EmbeddedElasticsearch.class).ifAvailable(
                    EmbeddedElasticsearch::portalStarted);
        }
    }
}
