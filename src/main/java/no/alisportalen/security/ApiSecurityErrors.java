package no.alisportalen.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.alisportalen.base.Messages;
import no.alisportalen.base.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401, 403 and 429 for the API as problem details, in the request's language. */
@Component
class ApiSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Messages messages;

    ApiSecurityErrors(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        var locale = Messages.of(request);
        if (e instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                    messages.get("problem.throttled.title", locale), messages.get("problem.throttled.detail", locale));
            return;
        }
        // No WWW-Authenticate challenge: browsers calling the API with the UI session must not get a Basic dialog.
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                messages.get("problem.unauthorized.title", locale), messages.get("problem.unauthorized.detail", locale));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var locale = Messages.of(request);
        if (e instanceof no.alisportalen.account.EmailUnconfirmedException) {
            write(request, response, HttpStatus.FORBIDDEN, "email-unconfirmed",
                    messages.get("problem.emailUnconfirmed.title", locale),
                    messages.get("problem.emailUnconfirmed.detail", locale));
            return;
        }
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", messages.get("problem.forbidden.title", locale),
                messages.get("problem.forbidden.detail", locale));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String detail) throws IOException {
        Problems.write(request, response, Problems.of(status, type, title, detail));
    }
}
