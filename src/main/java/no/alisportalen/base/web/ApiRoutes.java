package no.alisportalen.base.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The API's routes as Spring MVC maps them: which methods a path has and what each can produce. Read once from
 * the handler mapping, so the answer for an unknown path or method never depends on anything hand-maintained.
 */
@Component
public class ApiRoutes {

    /** One mapped operation: its path patterns, methods (empty: all) and producible media types (empty: JSON). */
    record Route(Set<PathPattern> patterns, Set<RequestMethod> methods, Set<MediaType> produces) {}

    private final RequestMappingHandlerMapping mapping;
    private volatile List<Route> routes;

    ApiRoutes(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        this.mapping = mapping;
    }

    private List<Route> routes() {
        var known = routes;
        if (known == null) {
            List<Route> found = new ArrayList<>();
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                var patterns = info.getPathPatternsCondition() == null ? Set.<PathPattern>of()
                        : info.getPathPatternsCondition().getPatterns();
                if (patterns.stream().anyMatch(p -> p.getPatternString().startsWith("/api/"))) {
                    found.add(new Route(patterns, info.getMethodsCondition().getMethods(),
                            info.getProducesCondition().getProducibleMediaTypes()));
                }
            }
            routes = known = List.copyOf(found);
        }
        return known;
    }

    /**
     * Paths seen recently and their routes: matching every pattern was ~5 % of a cached search's CPU (a profile
     * for #14), and a client asks the same few paths again and again. Bounded, since ids make paths unbounded.
     */
    private final Cache<String, List<Route>> byPath = Caffeine.newBuilder().maximumSize(10_000)
            .executor(Runnable::run).build(); // maintenance inline: see SearchResultCache

    /** The routes whose path matches, whatever their method. Empty: no such path. */
    List<Route> matching(String path) {
        return byPath.get(path, this::match);
    }

    private List<Route> match(String path) {
        var container = PathContainer.parsePath(path);
        return routes().stream().filter(r -> r.patterns().stream().anyMatch(p -> p.matches(container))).toList();
    }

    /** Methods the path has; HEAD wherever GET is, OPTIONS everywhere (as Spring MVC answers them). */
    static Set<HttpMethod> allowed(List<Route> routes) {
        Set<HttpMethod> methods = new LinkedHashSet<>();
        for (var route : routes) {
            var declared = route.methods().isEmpty() ? EnumSet.allOf(RequestMethod.class) : route.methods();
            declared.forEach(m -> methods.add(m.asHttpMethod()));
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        methods.add(HttpMethod.OPTIONS);
        return methods;
    }

    /** What the routes of this method can produce (JSON where they declare nothing). */
    static Set<MediaType> producible(List<Route> routes, String method) {
        Set<MediaType> types = new LinkedHashSet<>();
        for (var route : routes) {
            var methods = route.methods();
            if (methods.isEmpty() || methods.stream().anyMatch(m -> m.name().equals(method)
                    || method.equals("HEAD") && m == RequestMethod.GET)) {
                if (route.produces().isEmpty()) {
                    types.add(MediaType.APPLICATION_JSON);
                } else {
                    types.addAll(route.produces());
                }
            }
        }
        return types;
    }
}
