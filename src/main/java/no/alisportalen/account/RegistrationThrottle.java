package no.alisportalen.account;

import java.time.Clock;
import java.time.Duration;
import no.alisportalen.base.SharedCounters;
import no.alisportalen.base.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Registration attempts per client address and hour (every attempt counts, also one that finds the address
 * taken), so the 409 for a taken e-mail cannot list the portal's accounts at speed. The counts are in the store,
 * shared by every portal node. The API answers 429 with Retry-After; the registration view says to wait.
 */
@Component
public class RegistrationThrottle {

    private static final Duration HOUR = Duration.ofHours(1);

    private final int perHour;
    private final SharedCounters counters;
    private final Clock clock;

    RegistrationThrottle(RegistrationProperties properties, SharedCounters counters, Clock clock) {
        this.perHour = properties.attemptsPerHour();
        this.counters = counters;
        this.clock = clock;
    }

    /** @throws TooManyRequestsException when this address has no attempts left this hour */
    public void acquire(String clientAddress) {
        var count = counters.increment("register:" + clientAddress, HOUR);
        if (count.value() > perHour) {
            throw new TooManyRequestsException("problem.tooMany.registration", count.remaining(clock.instant()));
        }
    }
}
