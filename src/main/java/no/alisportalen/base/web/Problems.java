package no.alisportalen.base.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the portal's problem details: a stable {@code type} per kind of problem and a localized detail. */
public final class Problems {

    public static final String TYPE_BASE = "https://alisportalen.no/problems/";

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String type, String title, @Nullable String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** The JSON members of a problem, flattened as Spring MVC writes them (for filters outside MVC). */
    public static Map<String, Object> toJson(ProblemDetail problem) {
        var json = new java.util.LinkedHashMap<String, Object>();
        json.put("type", problem.getType().toString());
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        json.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            json.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            json.putAll(problem.getProperties());
        }
        return json;
    }

    /**
     * Writes a problem straight to the response, for filters that answer before Spring MVC (which writes the
     * advice's problems itself). The request's path becomes the {@code instance}.
     */
    public static void write(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, ProblemDetail problem) throws java.io.IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(toJson(problem)));
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }
}
