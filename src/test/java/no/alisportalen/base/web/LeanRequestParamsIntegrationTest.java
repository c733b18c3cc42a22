package no.alisportalen.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/** The lean resolver is in place before Spring MVC's own, and binds the search API's parameters. */
@IntegrationTest
class LeanRequestParamsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestMappingHandlerAdapter adapter;

    @Test
    void binds_the_search_apis_parameters_before_spring_mvcs_resolver() {
        var resolvers = java.util.Objects.requireNonNull(adapter.getArgumentResolvers());
        int lean = resolvers.indexOf(resolvers.stream().filter(LeanRequestParamResolver.class::isInstance)
                .findFirst().orElseThrow());
        int spring = resolvers.indexOf(resolvers.stream().filter(
                org.springframework.web.method.annotation.RequestParamMethodArgumentResolver.class::isInstance)
                .findFirst().orElseThrow());
        assertThat(lean).isLessThan(spring);
        var api = new TestApi(port);
        assertThat(api.get("/api/v1/positions?region=NORD,VEST&employmentForm=SALARIED&page=&size=%205"
                + "&recruitmentBoost=no").status()).isEqualTo(200);
        var bad = api.get("/api/v1/positions?region=NORD,MARS");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("region").contains("NORD,MARS");
    }
}
