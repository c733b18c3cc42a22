package no.alisportalen.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.alisportalen.base.FieldProblem;

/**
 * At least 10 characters (NSM's advice favours length over symbols), at most 128, not mostly one character,
 * not the e-mail address or a well-known password.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("passord123", "password123", "1234567890", "qwertyuiop",
            "sommer2026", "vinter2026", "passordpassord", "0123456789", "abcdefghij", "alisportalen");

    private PasswordPolicy() {}

    static List<FieldProblem> check(String password, String email) {
        List<FieldProblem> problems = new ArrayList<>();
        var lower = password.toLowerCase(Locale.ROOT);
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            problems.add(FieldProblem.of("password", "validation.password.length", MIN_LENGTH, MAX_LENGTH));
        } else if (password.chars().distinct().count() < 4) {
            problems.add(FieldProblem.of("password", "validation.password.weak"));
        } else if (COMMON.contains(lower) || lower.equals(email.toLowerCase(Locale.ROOT))
                || lower.equals(email.toLowerCase(Locale.ROOT).split("@")[0])) {
            problems.add(FieldProblem.of("password", "validation.password.weak"));
        }
        return problems;
    }
}
