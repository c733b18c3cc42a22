package no.alisportalen.account;

import java.util.HashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /**
     * BCrypt behind a delegating encoder, so stored hashes name their algorithm and can be upgraded later; the
     * cost of new hashes is {@code portal.passwords.bcrypt-strength}.
     */
    @Bean
    PasswordEncoder passwordEncoder(PasswordProperties properties) {
        if (properties.bcryptStrength() < 10) {
            org.slf4j.LoggerFactory.getLogger(AccountConfiguration.class).warn(
                    "portal.passwords.bcrypt-strength={} is below 10: fit for tests only", properties.bcryptStrength());
        }
        var encoders = new HashMap<String, PasswordEncoder>();
        encoders.put("bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength()));
        return new DelegatingPasswordEncoder("bcrypt", encoders);
    }
}
