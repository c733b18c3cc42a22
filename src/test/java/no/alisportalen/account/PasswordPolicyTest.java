package no.alisportalen.account;

import static org.assertj.core.api.Assertions.assertThat;

import no.alisportalen.base.FieldProblem;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void accepts_a_long_passphrase() {
        assertThat(PasswordPolicy.check("tre grønne trær i Bodø", "kari@example.no")).isEmpty();
    }

    @Test
    void rejects_short_repetitive_common_and_email_like_passwords() {
        assertThat(PasswordPolicy.check("kort", "kari@example.no")).extracting(FieldProblem::messageKey)
                .containsExactly("validation.password.length");
        assertThat(PasswordPolicy.check("aaaaaaaaaaaa", "kari@example.no")).extracting(FieldProblem::messageKey)
                .containsExactly("validation.password.weak");
        assertThat(PasswordPolicy.check("Passord123", "kari@example.no")).isNotEmpty();
        assertThat(PasswordPolicy.check("kari@example.no", "kari@example.no")).isNotEmpty();
        assertThat(PasswordPolicy.check("x".repeat(129), "kari@example.no")).isNotEmpty();
    }
}
