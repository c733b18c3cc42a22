package no.alisportalen.base.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The operations shared/docs/api-v1.md names, as "METHOD /path" with parameters written {}: read from its
 * backticked spans ("`GET|PUT /me/preferences`", "`POST /positions/{id}/publish`, `/close`", "`PUT` the same
 * path").
 */
final class ApiContract {

    static final Path FILE = Path.of("../shared/docs/api-v1.md");

    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern OPERATION = Pattern.compile("^((?:GET|POST|PUT|DELETE|PATCH)(?:\\|(?:GET|POST|PUT|DELETE|PATCH))*)(?: (/[^\\s?]*))?.*$");
    private static final Pattern SIBLING = Pattern.compile("^/[a-z-]+$");

    private ApiContract() {}

    static Set<String> operations() {
        String text;
        try {
            text = Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("The contract is read from " + FILE.toAbsolutePath(), e);
        }
        Set<String> operations = new TreeSet<>();
        String lastPath = null;
        String lastMethods = null;
        {
            // Spans may cross line breaks (JSON examples), so the whole text is scanned at once, without the
            // fenced examples whose backticks would pair with the spans'.
            var spans = SPAN.matcher(text.replaceAll("(?s)```.*?```", ""));
            while (spans.find()) {
                String span = spans.group(1).strip();
                var operation = OPERATION.matcher(span);
                if (operation.matches()) {
                    String path = operation.group(2) != null ? operation.group(2) : lastPath;
                    if (path == null) {
                        continue;
                    }
                    for (String method : operation.group(1).split("\\|")) {
                        operations.add(method + " " + normalise(path));
                    }
                    lastPath = path;
                    lastMethods = operation.group(1);
                } else if (SIBLING.matcher(span).matches() && lastPath != null && lastMethods != null
                        && !span.equals("/api/v1")) {
                    // "`POST /positions/{id}/publish`, `/close`, `/fill`": the last segment replaced.
                    String sibling = lastPath.substring(0, lastPath.lastIndexOf('/')) + span;
                    for (String method : lastMethods.split("\\|")) {
                        operations.add(method + " " + normalise(sibling));
                    }
                }
            }
        }
        return operations;
    }

    /** "/positions/{id}/publish" and "/api/v1/positions/{positionId}/publish" both become "/positions/{}/publish". */
    static String normalise(String path) {
        String p = path.startsWith("/api/v1") ? path.substring("/api/v1".length()) : path;
        return p.replaceAll("\\{[^}]*}", "{}").replaceAll("/$", "");
    }
}
