package no.alisportalen;

import java.util.function.Supplier;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.ApplicantStage;
import no.alisportalen.account.NewApplicant;
import no.alisportalen.account.NewUser;
import no.alisportalen.account.Role;
import no.alisportalen.base.ConflictException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Test accounts created once per store, and work done as a given user (setting up data in view tests). */
public final class TestUsers {

    public static final String PASSWORD = "Et langt passord 2026";

    private TestUsers() {}

    /** Creates the user unless it exists; safe to call from every test. */
    public static void ensure(AccountService accounts, NewUser user) {
        if (accounts.findByEmail(user.email()).isPresent()) {
            return;
        }
        var created = withAuthentication(new TestingAuthenticationToken("setup", null, Role.ADMIN.authority()), () -> {
            try {
                return user.role() == Role.APPLICANT
                        ? accounts.registerApplicant(new NewApplicant(user.email(), user.password(), user.name(),
                                ApplicantStage.LIS1))
                        : accounts.createUser(user);
            } catch (ConflictException e) {
                return null; // created meanwhile
            }
        });
        if (created != null && !created.emailVerified()) {
            TestConfirmations.confirm(user.email());
        }
    }

    public static void ensureApplicant(AccountService accounts, String email, String name) {
        ensure(accounts, new NewUser(email, PASSWORD, name, Role.APPLICANT, null, null));
    }

    /** Gives the applicant what an applicant list needs (birth date, gender, home municipality), so they may apply. */
    public static void listable(UserDetailsService users, AccountService accounts, String email) {
        as(users, email, () -> {
            var me = accounts.findByEmail(email).orElseThrow();
            return accounts.updateProfile(new no.alisportalen.account.ProfileUpdate(me.name(), me.stage(),
                    me.graduationYear(), java.util.Objects.requireNonNullElse(me.homeMunicipality(), "0301"),
                    java.time.LocalDate.of(1996, 5, 17), no.alisportalen.account.Gender.UNSPECIFIED, null, null, null,
                    null));
        });
    }

    /** Runs the work as the user with that e-mail, then restores the previous security context. */
    public static <T> T as(UserDetailsService users, String email, Supplier<T> work) {
        var user = users.loadUserByUsername(email);
        return withAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()), work);
    }

    private static <T> T withAuthentication(org.springframework.security.core.Authentication authentication,
            Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
