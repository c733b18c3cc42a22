package no.alisportalen.infrastructure;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import no.alisportalen.infrastructure.embedded.EmbeddedElasticsearch;
import org.apache.http.HttpHost;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;

/**
 * Clients and health for both stores. The official Elasticsearch client at the server's major version (8.19). Spring Boot 4's own Elasticsearch
 * auto-configuration targets the 9.x client, which fails against an 8.19 server, so the beans are ours. Two
 * clients with pools of their own: searches, and index writes ({@link IndexWrites}).
 */
@Configuration(proxyBeanMethods = false)
class StoreClientsConfiguration {

    /** Searches and everything else but index writes: the client's default pool, ten connections per node. */
    @Bean(destroyMethod = "close")
    @Primary
    RestClient elasticsearchRestClient(ElasticsearchProperties properties,
            ObjectProvider<EmbeddedElasticsearch> embedded) {
        return restClient(properties, embedded).build();
    }

    /**
     * Index writes (the indexer, need updates, rebuilds) on connections of their own: one writer at a time
     * plus a rebuild and a refresh, so four per node leave room.
     */
    @Bean(destroyMethod = "close")
    @IndexWrites
    RestClient elasticsearchWriteRestClient(ElasticsearchProperties properties,
            ObjectProvider<EmbeddedElasticsearch> embedded) {
        var builder = restClient(properties, embedded);
        int hosts = Math.max(1, properties.uris().size());
        return builder.setHttpClientConfigCallback(http -> credentials(properties, http)
                .setMaxConnPerRoute(4).setMaxConnTotal(4 * hosts)).build();
    }

    private static org.elasticsearch.client.RestClientBuilder restClient(ElasticsearchProperties properties,
            ObjectProvider<EmbeddedElasticsearch> embedded) {
        List<URI> uris = properties.uris().isEmpty()
                ? List.of(embedded.getObject().uri())
                : properties.uris().stream().map(URI::create).toList();
        var hosts = uris.stream().map(u -> new HttpHost(u.getHost(), u.getPort(), u.getScheme())).toArray(HttpHost[]::new);
        return RestClient.builder(hosts)
                .setHttpClientConfigCallback(http -> credentials(properties, http))
                .setRequestConfigCallback(c -> c.setConnectTimeout((int) properties.connectTimeout().toMillis())
                        .setSocketTimeout((int) properties.socketTimeout().toMillis()));
    }

    /**
     * RestClient puts a Basic scheme for each node into an Apache {@code BasicAuthCache}, which Java-serialises
     * schemes on the way in and deserialises them on every look-up: an {@code ObjectInputStream} per
     * Elasticsearch request, ~3 % of a search's request-thread CPU in a profile under load (#14). This cache gives
     * the same answer, a Basic scheme for the node (so configured credentials go with the first request, as
     * before), without it.
     */
    private static final org.apache.http.client.AuthCache PREEMPTIVE_BASIC = new org.apache.http.client.AuthCache() {
        @Override
        public void put(HttpHost host, org.apache.http.auth.AuthScheme authScheme) {}

        @Override
        public org.apache.http.auth.AuthScheme get(HttpHost host) {
            return new org.apache.http.impl.auth.BasicScheme();
        }

        @Override
        public void remove(HttpHost host) {}

        @Override
        public void clear() {}
    };

    private static HttpAsyncClientBuilder credentials(ElasticsearchProperties properties,
            HttpAsyncClientBuilder http) {
        // First in the chain, so RequestAuthCache finds this cache in place of RestClient's.
        http.addInterceptorFirst((org.apache.http.HttpRequestInterceptor) (request, context) -> context
                .setAttribute(org.apache.http.client.protocol.HttpClientContext.AUTH_CACHE, PREEMPTIVE_BASIC));
        if (properties.username() != null && !properties.username().isBlank() && properties.password() != null) {
            var credentials = new org.apache.http.impl.client.BasicCredentialsProvider();
            credentials.setCredentials(org.apache.http.auth.AuthScope.ANY,
                    new org.apache.http.auth.UsernamePasswordCredentials(properties.username(), properties.password()));
            http.setDefaultCredentialsProvider(credentials);
        }
        return http;
    }

    @Bean
    @Primary
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return client(restClient);
    }

    @Bean
    @IndexWrites
    ElasticsearchClient elasticsearchWriteClient(@IndexWrites RestClient restClient) {
        return client(restClient);
    }

    private static ElasticsearchClient client(RestClient restClient) {
        // Unknown fields are skipped: an index document written by another version must still read.
        var mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(mapper)));
    }

    /** One component of /actuator/health; this distribution has no root endpoint, so it asks cluster health. */
    @Bean("elasticsearchHealthIndicator")
    HealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client) {
        return () -> {
            try {
                var status = client.cluster().health().status().jsonValue();
                return ("red".equals(status) ? Health.down() : Health.up()).withDetail("status", status).build();
            } catch (IOException | RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    /**
     * Replaces Boot's Mongo indicator, whose {@code hello} command the embedded store does not answer; a
     * {@code ping} works on both the embedded store and real MongoDB.
     */
    @Bean("mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return () -> {
            try {
                var reply = mongo.executeCommand(new Document("ping", 1));
                return (reply.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? Health.up() : Health.down())
                        .build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
