package no.alisportalen.base;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BaseConfiguration {

    /**
     * Norwegian time: deadlines and start dates are Norwegian calendar dates. Backdatable for the demo's history
     * ({@link Backdating}); tests replace this bean.
     */
    @Bean
    Clock clock() {
        return Backdating.clock(Clock.system(ZoneId.of("Europe/Oslo")));
    }
}
