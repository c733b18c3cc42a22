package no.alisportalen.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The machine has no Docker engine, so the production shape is checked as a document: what the review of
 * docker-compose.yml would look for, made repeatable.
 */
class ComposeFileTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void only_the_portal_and_the_scale_proxy_are_published_on_host_ports() throws Exception {
        services().forEach((name, service) -> assertThat(service.containsKey("ports")).as(name)
                .isEqualTo(name.equals("portal") || name.equals("proxy")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void secrets_come_only_from_the_environment_and_are_required() throws Exception {
        var text = Files.readString(Path.of("docker-compose.yml"));
        for (var secret : new String[] {"PORTAL_ADMIN_PASSWORD", "MONGO_ROOT_PASSWORD", "MONGO_PORTAL_PASSWORD",
                "MONGO_REPLICA_KEY", "ELASTIC_PASSWORD"}) {
            assertThat(text).as(secret).contains("${" + secret + ":?");
            assertThat(text).as(secret + " has no default").doesNotContain("${" + secret + ":-");
        }
        var portal = (Map<String, Object>) services().get("portal").get("environment");
        assertThat(String.valueOf(portal.get("SPRING_MONGODB_URI"))).contains("replicaSet=rs0")
                .contains("${MONGO_PORTAL_PASSWORD:?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mongodb_is_an_authenticated_replica_set_and_elasticsearch_has_security_on() throws Exception {
        var mongo = services().get("mongodb");
        assertThat(String.valueOf(mongo.get("entrypoint"))).contains("--replSet rs0").contains("--keyFile");
        assertThat(((Map<String, Object>) mongo.get("environment"))).containsKey("MONGO_INITDB_ROOT_PASSWORD");
        var elastic = (Map<String, Object>) services().get("elasticsearch").get("environment");
        assertThat(elastic.get("xpack.security.enabled")).isEqualTo("true");
        assertThat(Files.readString(Path.of("src/main/docker/mongo-init.js"))).contains("readWrite");
    }

    @Test
    @SuppressWarnings("unchecked")
    void portal_nodes_report_readiness_and_the_proxy_routes_only_to_ready_nodes_stickily() throws Exception {
        for (var node : new String[] {"portal", "portal-2"}) {
            var health = (Map<String, Object>) services().get(node).get("healthcheck");
            assertThat(String.valueOf(health.get("test"))).as(node).contains("/actuator/health/readiness");
        }
        assertThat(services().get("portal-2").get("profiles").toString()).contains("scale");
        var haproxy = Files.readString(Path.of("src/main/docker/haproxy.cfg"));
        assertThat(haproxy).contains("httpchk GET /actuator/health/readiness", "cookie PORTAL_NODE insert",
                "server node1 portal:8080", "server node2 portal-2:8080");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("HEALTHCHECK").contains("/actuator/health/readiness");
    }
}
