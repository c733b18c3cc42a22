package no.alisportalen.base;

import java.util.List;

/**
 * One invalid field: the JSON field name and a message key from the {@code messages} bundles.
 *
 * @param args arguments for the message, e.g. the allowed range
 */
public record FieldProblem(String field, String messageKey, List<Object> args) {

    public FieldProblem {
        args = List.copyOf(args);
    }

    public static FieldProblem of(String field, String messageKey, Object... args) {
        return new FieldProblem(field, messageKey, List.of(args));
    }
}
