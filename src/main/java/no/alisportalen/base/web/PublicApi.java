package no.alisportalen.base.web;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * The API operations anyone may call without logging in: the security chain permits exactly these, and the
 * OpenAPI document marks exactly these as needing no credentials.
 */
public final class PublicApi {

    /** A method and a path as OpenAPI writes it ({@code {id}} for a parameter). */
    public record Operation(HttpMethod method, String path) {

        /** The Ant pattern the security chain matches (a parameter is any one segment). */
        public String pattern() {
            return path.replaceAll("\\{[^}]+}", "*");
        }
    }

    public static final List<Operation> OPERATIONS = List.of(
            new Operation(HttpMethod.GET, "/api/v1/municipalities"),
            new Operation(HttpMethod.GET, "/api/v1/positions"),
            new Operation(HttpMethod.GET, "/api/v1/positions/{id}"),
            new Operation(HttpMethod.GET, "/api/v1/positions/{id}/applicant-list"),
            new Operation(HttpMethod.GET, "/api/v1/feed"),
            new Operation(HttpMethod.POST, "/api/v1/applicants"),
            new Operation(HttpMethod.POST, "/api/v1/matches"),
            new Operation(HttpMethod.POST, "/api/v1/unsubscribe"),
            new Operation(HttpMethod.POST, "/api/v1/password-reset"),
            new Operation(HttpMethod.POST, "/api/v1/password-reset/confirm"),
            new Operation(HttpMethod.POST, "/api/v1/email-verification"),
            new Operation(HttpMethod.GET, "/api/v1/rounds"),
            new Operation(HttpMethod.GET, "/api/v1/rounds/{id}"));

    private PublicApi() {}

    /**
     * Whether an OpenAPI operation is public: the same path, parameters compared by position only (so
     * {@code /positions/mine} is not {@code /positions/{id}}, although the chain's pattern lets both through and
     * the service then asks for a login).
     */
    static boolean isPublic(String method, String openApiPath) {
        String shape = openApiPath.replaceAll("\\{[^}]+}", "{}");
        return OPERATIONS.stream().anyMatch(o -> o.method().name().equalsIgnoreCase(method)
                && o.path().replaceAll("\\{[^}]+}", "{}").equals(shape));
    }
}
