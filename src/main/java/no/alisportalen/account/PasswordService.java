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
    private final Clock clock;

    PasswordService(AccountRepository accounts, MongoTemplate mongo, PasswordEncoder encoder,
            ApplicationEventPublisher events, Clock clock) {
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
        var document = accounts.findById(PortalUser.current().orElseThrow().id().value())
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
        return PortalUser.of(store(document.id(), newPassword, false));
    }

    /** Sets a temporary password for another user, to be changed at their next login; admins only. */
    @PreAuthorize("hasRole('ADMIN')")
    public void setTemporary(AccountId id, @Nullable String temporaryPassword) {
        var document = accounts.findById(id.value()).orElseThrow(() -> new NotFoundException("account"));
        var problems = policy("temporaryPassword", temporaryPassword, document.email());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store(document.id(), temporaryPassword, true);
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
        // Unknown and unconfirmed addresses get nothing (an unconfirmed one only its confirmation link).
        if (account.isEmpty() || Boolean.FALSE.equals(account.get().emailVerified())) {
            return;
        }
        var now = Instant.now(clock);
        var live = Query.query(Criteria.where("account").is(account.get().id()).and("expiresAt").gt(now));
        if (mongo.count(live, RESETS) >= MAX_LIVE_RESETS) {
            return;
        }
        var token = SingleUseTokens.create();
        mongo.insert(new Document("_id", SingleUseTokens.hash(token)).append("account", account.get().id())
                .append("expiresAt", now.plus(RESET_VALIDITY)), RESETS);
        events.publishEvent(new PasswordResetRequested(account.get().email(), account.get().name(), token, locale));
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
        store(account.id(), newPassword, false);
    }

    /** The account's credential stamp now (empty when the account is gone): sessions with an older one end. */
    public Optional<Optional<Instant>> credentialsStamp(AccountId id) {
        return accounts.findById(id.value()).map(d -> Optional.ofNullable(d.credentialsChangedAt()));
    }

    private AccountDocument store(@Nullable String id, @Nullable String password, boolean changeRequired) {
        var update = new Update().set("passwordHash", encoder.encode(password))
                .set("passwordChangeRequired", changeRequired).set("credentialsChangedAt", Instant.now(clock))
                .inc("version", 1);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, AccountDocument.class);
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
