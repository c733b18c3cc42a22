package no.alisportalen.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * E-mail ownership: with SMTP configured, a self-registered applicant's address is unconfirmed until the link
 * in the confirmation mail is used (a single-use token, its SHA-256 stored, valid as long as the account may
 * stay unconfirmed: 7 days). Without SMTP nothing is ever mailed, so nothing needs confirming.
 */
@Service
public class EmailVerifications {

    /** How long an unconfirmed account and its link live. */
    public static final Duration VALIDITY = Duration.ofDays(7);
    static final String COLLECTION = "email_verifications";

    private final ObjectProvider<JavaMailSender> mail;
    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmailVerifications(ObjectProvider<JavaMailSender> mail, MongoTemplate mongo, ApplicationEventPublisher events,
            Clock clock) {
        this.mail = mail;
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    /** Whether new applicants must confirm their address (SMTP is configured). */
    boolean needed() {
        return mail.getIfAvailable() != null;
    }

    /** Issues the confirmation link for a new, unconfirmed account. */
    void start(Account account, Locale locale) {
        if (account.emailVerified()) {
            return;
        }
        var token = SingleUseTokens.create();
        mongo.insert(new Document("_id", SingleUseTokens.hash(token)).append("account", account.id().value())
                .append("expiresAt", Instant.now(clock).plus(VALIDITY)), COLLECTION);
        events.publishEvent(new EmailVerificationRequested(account.email(), account.name(), token, locale));
    }

    /**
     * Confirms the address the token was sent to; the token is used up.
     *
     * @throws InvalidInputException when the token is unknown, used or expired
     */
    public void confirm(@Nullable String token) {
        var invalid = new InvalidInputException(List.of(FieldProblem.of("token", "validation.email.verifyToken")));
        if (token == null || token.isBlank() || token.length() > 100) {
            throw invalid;
        }
        var found = mongo.findAndRemove(Query.query(Criteria.where("_id").is(SingleUseTokens.hash(token))), Document.class,
                COLLECTION);
        if (found == null || !found.getDate("expiresAt").toInstant().isAfter(Instant.now(clock))) {
            throw invalid;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(found.getString("account"))),
                new Update().set("emailVerified", true).inc("version", 1), AccountDocument.class);
    }

}
