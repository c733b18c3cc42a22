package no.alisportalen.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import no.alisportalen.account.ApiKeyProperties;
import no.alisportalen.account.ApiKeyService;
import no.alisportalen.account.Role;
import no.alisportalen.base.Messages;
import no.alisportalen.base.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <key>}: an API key acts as its owner (one indexed lookup, no password hash), under
 * a per-key rate limit; an ALIS office's keys only read. Also the metrics scrape key, where one is configured.
 * Requests without a bearer token pass through untouched (Basic and the browser session still work).
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    static final String SCRAPER_ROLE = "METRICS";

    private final ApiKeyService keys;
    private final ApiSecurityErrors errors;
    private final Messages messages;
    private final MeterRegistry meters;
    private final int perMinute;
    private final byte @Nullable [] scrapeKey;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    ApiKeyAuthenticationFilter(ApiKeyService keys, ApiKeyProperties properties, MetricsProperties metrics,
            ApiSecurityErrors errors, Messages messages, MeterRegistry meters) {
        this.keys = keys;
        this.errors = errors;
        this.messages = messages;
        this.meters = meters;
        this.perMinute = properties.requestsPerMinute();
        var scrape = metrics.scrapeKey();
        this.scrapeKey = scrape == null || scrape.isBlank() ? null : scrape.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var token = header.substring(7).strip();
        if (scrapeKey != null && MessageDigest.isEqual(scrapeKey, token.getBytes(StandardCharsets.UTF_8))) {
            authenticate(new UsernamePasswordAuthenticationToken("metrics-scraper", null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + SCRAPER_ROLE))));
            chain.doFilter(request, response);
            return;
        }
        var found = keys.authenticate(token);
        if (found.isEmpty()) {
            errors.commence(request, response, new BadCredentialsException("Unknown, revoked or expired API key"));
            return;
        }
        var user = found.get();
        var keyId = user.viaApiKeyId().orElseThrow();
        var bucket = buckets.get(keyId, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        // No key name or id as a label: user-chosen and unbounded, every one a meter of its own.
        Counter.builder("portal.api.requests").description("API requests authenticated with an API key")
                .tag("role", user.role().name())
                .tag("outcome", probe.isConsumed() ? "accepted" : "rate_limited").register(meters).increment();
        if (!probe.isConsumed()) {
            var locale = Messages.of(request);
            response.setHeader("Retry-After",
                    Long.toString(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds())));
            Problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                    messages.get("problem.tooMany.title", locale), messages.get("problem.tooMany.apiKey", locale)));
            return;
        }
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (user.role() == Role.ALIS_OFFICE && !SAFE_METHODS.contains(request.getMethod())) {
            errors.handle(request, response, new AccessDeniedException("ALIS office keys are read-only"));
            return;
        }
        if (managesCredentials(request.getRequestURI().substring(request.getContextPath().length()))) {
            errors.handle(request, response, new AccessDeniedException("API keys cannot manage keys, users or passwords"));
            return;
        }
        authenticate(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        chain.doFilter(request, response);
    }

    /**
     * Keys, users and passwords (api-v1 "Security rules"): a leaked key must not make itself permanent, mint
     * accounts or take one over. The services refuse the same; this answers before any body is read.
     */
    static boolean managesCredentials(String path) {
        return under(path, "/api/v1/me/api-keys") || under(path, "/api/v1/admin/users")
                || under(path, "/api/v1/me/password");
    }

    private static boolean under(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    private static void authenticate(org.springframework.security.core.Authentication authentication) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }
}
