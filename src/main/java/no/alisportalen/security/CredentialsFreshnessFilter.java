package no.alisportalen.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import no.alisportalen.account.AccountId;
import no.alisportalen.account.PasswordService;
import no.alisportalen.account.PortalUser;
import no.alisportalen.base.Messages;
import no.alisportalen.base.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two rules about passwords that apply to every request of a logged-in user: a session older than the account's
 * last password change has ended (the stamp is read at most every two seconds per account, and is the store's,
 * so every portal node agrees); and a user with a temporary password may do nothing in the API but change it.
 */
class CredentialsFreshnessFilter extends OncePerRequestFilter {

    private final PasswordService passwords;
    private final Messages messages;
    private final Cache<AccountId, Optional<Optional<Instant>>> stamps = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(Duration.ofSeconds(2)).build();

    CredentialsFreshnessFilter(PasswordService passwords, Messages messages) {
        this.passwords = passwords;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
            var session = request.getSession(false);
            if (session != null && request.getHeader("Authorization") == null && ended(user)) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                chain.doFilter(request, response);
                return;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (user.passwordChangeRequired() && path.startsWith("/api/") && !mayBeforeChange(request, path)) {
                var locale = Messages.of(request);
                var problem = Problems.of(HttpStatus.FORBIDDEN, "password-change-required",
                        messages.get("problem.passwordChange.title", locale),
                        messages.get("problem.passwordChange.detail", locale));
                Problems.write(request, response, problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The session's stamp is older than the account's, or the account is gone. */
    private boolean ended(PortalUser user) {
        var current = stamps.get(user.id(), passwords::credentialsStamp);
        if (current.isEmpty()) {
            return true;
        }
        var changed = current.get();
        return changed.isPresent() && (user.credentialsChangedAt() == null
                || changed.get().isAfter(user.credentialsChangedAt()));
    }

    private static boolean mayBeforeChange(HttpServletRequest request, String path) {
        return path.equals("/api/v1/me/password") && request.getMethod().equals("PUT")
                || path.equals("/api/v1/me") && request.getMethod().equals("GET");
    }
}
