package no.alisportalen.base.web;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A page request for a path that is no route of the portal: let through, so the portal's own not-found page
 * answers it with 404 instead of a redirect to the login page (which would suggest the page exists).
 */
public final class UnknownRouteMatcher implements RequestMatcher {

    private final ServletContext servletContext;

    public UnknownRouteMatcher(ServletContext servletContext) {
        this.servletContext = servletContext;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!request.getMethod().equals("GET") || request.getParameter("v-r") != null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/") || path.startsWith("/VAADIN/") || path.startsWith("/api/") || path.startsWith("/actuator")
                || path.startsWith("/v3/") || path.equals("/login") || path.equals("/logout")) {
            return false;
        }
        // A file (styles.css, the PWA's manifest and icons, robots.txt) is no page: its own handler answers.
        if (path.substring(path.lastIndexOf('/') + 1).contains(".")) {
            return false;
        }
        var registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext));
        return RouteConfiguration.forRegistry(registry).getRoute(path.substring(1)).isEmpty();
    }
}
