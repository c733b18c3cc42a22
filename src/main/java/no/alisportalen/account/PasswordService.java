package no.alisportalen.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.NotFoundException;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Passwords after registration: a user changes their own (the current one required), an admin sets a temporary
 * one that must be changed at the next login, and anyone may ask for a single-use reset link by e-mail. Each
 * change stamps the account, which ends the user's other sessions (see the security feature's freshness check).
 */
@Service
public class PasswordService {

    static final Duration RESET_VALIDITY = Duration.ofMinutes(30);
    static final String RESETS = "password_resets";
    /** Live reset links per account at most, so the form cannot be used to flood someone's inbox. */
    static final int MAX_LIVE_RESETS = 3;

    private final AccountRepository accounts;
    private final MongoTemplate mongo;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final ApiKeyService keys;
    private final Clock clock;

    PasswordService(AccountRepository accounts, MongoTemplate mongo, PasswordEncoder encoder,
            ApplicationEventPublisher events, ApiKeyService keys, Clock clock) {
        this.keys = keys;
        this.accounts = accounts;
        this.mongo = mongo;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Changes the logged-in user's password.
     *
     * @return the user as a new login would see it, for the current session to continue with
     * @throws InvalidInputException when the current password is wrong or the new one breaks the policy
     */
    @PreAuthorize("isAuthenticated()")
    public PortalUser changeOwn(@Nullable String currentPassword, @Nullable String newPassword) {
        var document = accounts.findById(ApiKeyService.interactive().id().value())
                .orElseThrow(() -> new NotFoundException("account"));
        List<FieldProblem> problems = new ArrayList<>();
        if (currentPassword == null || !encoder.matches(currentPassword, document.passwordHash())) {
            problems.add(FieldProblem.of("currentPassword", "validation.password.current"));
        }
        problems.addAll(policy("newPassword", newPassword, document.email()));
        if (problems.isEmpty() && encoder.matches(newPassword, document.passwordHash())) {
            problems.add(FieldProblem.of("newPassword", "validation.password.same"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return PortalUser.of(store(document.id(), newPassword, Change.OWN));
    }

    /** Sets a temporary password for another user, to be changed at their next login; admins only. */
    @PreAuthorize("hasRole('ADMIN')")
    public void setTemporary(AccountId id, @Nullable String temporaryPassword) {
        ApiKeyService.refuseApiKey();
        var document = accounts.findById(id.value()).orElseThrow(() -> new NotFoundException("account"));
        var problems = policy("temporaryPassword", temporaryPassword, document.email());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store(document.id(), temporaryPassword, Change.TEMPORARY);
    }

    /**
     * Starts a reset: for an existing account a single-use token valid 30 minutes is stored (as its hash) and
     * announced for mailing. The caller learns nothing either way, so this cannot tell which addresses exist.
     */
    public void requestReset(@Nullable String email, Locale locale) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return;
        }
        var account = accounts.findByEmail(AccountService.normalize(email));
        // Unconfirmed addresses get their link too: using it confirms the address, so whoever owns an address
        // can always take over an account someone else registered with it.
        account.ifPresent(a -> issue(a, locale, false));
    }

    /**
     * Someone registered an address whose account was never confirmed: the address gets a link to choose a
     * password (which confirms it), and the caller learns nothing of the account.
     */
    void registeredAgain(AccountDocument account, Locale locale) {
        issue(account, locale, true);
    }

    private void issue(AccountDocument account, Locale locale, boolean registration) {
        var now = Instant.now(clock);
        var live = Query.query(Criteria.where("account").is(account.id()).and("expiresAt").gt(now));
        if (mongo.count(live, RESETS) >= MAX_LIVE_RESETS) {
            return;
        }
        var token = SingleUseTokens.create();
        mongo.insert(new Document("_id", SingleUseTokens.hash(token)).append("account", account.id())
                .append("expiresAt", now.plus(RESET_VALIDITY)), RESETS);
        events.publishEvent(new PasswordResetRequested(account.email(), account.name(), token, locale, registration));
    }

    /**
     * Sets a new password with a reset token; the token is used up.
     *
     * @throws InvalidInputException when the token is unknown, used or expired, or the password breaks the policy
     */
    public void confirmReset(@Nullable String token, @Nullable String newPassword) {
        var now = Instant.now(clock);
        Optional<Document> reset = token == null || token.length() > 100 ? Optional.empty()
                : Optional.ofNullable(mongo.findById(SingleUseTokens.hash(token), Document.class, RESETS))
                        .filter(d -> d.getDate("expiresAt").toInstant().isAfter(now));
        if (reset.isEmpty()) {
            throw new InvalidInputException(List.of(FieldProblem.of("token", "validation.password.resetToken")));
        }
        var account = accounts.findById(reset.get().getString("account"))
                .orElseThrow(() -> new InvalidInputException(List.of(FieldProblem.of("token",
                        "validation.password.resetToken"))));
        var problems = policy("newPassword", newPassword, account.email());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // Used up first: of two concurrent confirmations only the one that removes the token sets a password.
        var used = mongo.remove(Query.query(Criteria.where("_id").is(SingleUseTokens.hash(token))), RESETS);
        if (used.getDeletedCount() != 1) {
            throw new InvalidInputException(List.of(FieldProblem.of("token", "validation.password.resetToken")));
        }
        store(account.id(), newPassword, Change.RESET);
    }

    /** The account's credential stamp now (empty when the account is gone): sessions with an older one end. */
    public Optional<Optional<Instant>> credentialsStamp(AccountId id) {
        return accounts.findById(id.value()).map(d -> Optional.ofNullable(d.credentialsChangedAt()));
    }

    /** How a password changed: the user with the current one, a reset link, or an admin's temporary one. */
    private enum Change { OWN, RESET, TEMPORARY }

    private AccountDocument store(@Nullable String id, @Nullable String password, Change change) {
        var update = new Update().set("passwordHash", encoder.encode(password))
                .set("passwordChangeRequired", change == Change.TEMPORARY)
                .set("credentialsChangedAt", Instant.now(clock)).inc("version", 1);
        if (change == Change.RESET) {
            // The link reached the address: it is the owner's.
            update.set("emailVerified", true);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, AccountDocument.class);
        // Every other reset link of the account ends: one sent before the change must not undo it.
        mongo.remove(Query.query(Criteria.where("account").is(id)), RESETS);
        if (change != Change.OWN) {
            // Presumed compromised: whoever had the old password may have made keys with it.
            keys.revokeAll(java.util.Objects.requireNonNull(id));
        }
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account"));
    }

    private static List<FieldProblem> policy(String field, @Nullable String password, String email) {
        if (password == null || password.isEmpty()) {
            return List.of(FieldProblem.of(field, "validation.password.required"));
        }
        return PasswordPolicy.check(password, email).stream()
                .map(p -> new FieldProblem(field, p.messageKey(), p.args())).toList();
    }

}
