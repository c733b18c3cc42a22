package no.alisportalen.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page request for a path that is no route is answered with status 404. Vaadin serves its page (which then
 * shows the portal's not-found view) with 200 and resolves the route afterwards, so the status is set here.
 */
@Component
class UnknownPageFilter extends OncePerRequestFilter {

    private final UnknownRouteMatcher unknown;

    UnknownPageFilter(ServletContext servletContext) {
        this.unknown = new UnknownRouteMatcher(servletContext);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !unknown.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                super.setStatus(status == HttpServletResponse.SC_OK ? HttpServletResponse.SC_NOT_FOUND : status);
            }
        });
    }
}
