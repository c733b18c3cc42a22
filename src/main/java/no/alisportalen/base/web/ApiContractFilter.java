package no.alisportalen.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import no.alisportalen.base.Messages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests under {@code /api/} are answered by the API or not at all: an unknown path is 404, a known path with a
 * method it does not have is 405 with {@code Allow}, an {@code Accept} the operation cannot satisfy is 406, all as
 * problem details — before the security chain, so a caller who mistypes a path learns that, not "log in", and
 * never the web UI's HTML page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiContractFilter extends OncePerRequestFilter {

    private final ApiRoutes routes;
    private final Messages messages;

    ApiContractFilter(ApiRoutes routes, Messages messages) {
        this.routes = routes;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith("/api/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var matching = routes.matching(path(request));
        if (matching.isEmpty()) {
            write(request, response, HttpStatus.NOT_FOUND, "not-found", "problem.notFound.title",
                    "problem.noSuchPath.detail");
            return;
        }
        var allowed = ApiRoutes.allowed(matching);
        String method = request.getMethod();
        if (allowed.stream().noneMatch(m -> m.name().equals(method))) {
            response.setHeader("Allow", allowed.stream().map(Object::toString).collect(Collectors.joining(", ")));
            write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "problem.methodNotAllowed.title", "problem.methodNotAllowed.detail");
            return;
        }
        if (!method.equals("OPTIONS") && !acceptable(request, ApiRoutes.producible(matching, method))) {
            write(request, response, HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "problem.notAcceptable.title",
                    "problem.notAcceptable.detail");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether any media type the client accepts is one the operation produces; no Accept accepts anything. */
    private static boolean acceptable(HttpServletRequest request, java.util.Set<MediaType> producible) {
        var header = request.getHeader("Accept");
        if (header == null || header.isBlank()) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(header);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return accepted.stream().anyMatch(a -> producible.stream().anyMatch(a::isCompatibleWith)
                || a.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String detail) throws IOException {
        var locale = Messages.of(request);
        Problems.write(request, response, Problems.of(status, type, messages.get(title, locale),
                messages.get(detail, locale)));
    }
}
