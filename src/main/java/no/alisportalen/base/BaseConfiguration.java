package no.alisportalen.base;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BaseConfiguration {

    /** Norwegian time: deadlines and start dates are Norwegian calendar dates. Tests replace this bean. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/Oslo"));
    }
}
