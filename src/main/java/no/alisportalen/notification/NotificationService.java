package no.alisportalen.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.alisportalen.account.PortalUser;
import no.alisportalen.base.Messages;
import no.alisportalen.position.PositionId;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Stores notifications once per change, lists them for their recipient, and e-mails them when SMTP is set up. */
@Service
public class NotificationService {

    static final int LIST_LIMIT = 200;

    private final NotificationRepository repository;
    private final MongoTemplate mongo;
    private final NotificationMailer mailer;
    private final Messages messages;
    private final Clock clock;

    NotificationService(NotificationRepository repository, MongoTemplate mongo, NotificationMailer mailer,
            Messages messages, Clock clock) {
        this.repository = repository;
        this.mongo = mongo;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Stores the notification unless one with the same key exists for the recipient, then e-mails it.
     *
     * @return false when it was a repeat and nothing was stored or sent
     */
    public boolean notify(NewNotification notification) {
        return notifyAll(List.of(notification)) == 1;
    }

    /**
     * Stores many notifications in unordered bulk writes — repeats are skipped by the unique id while the rest
     * still go in — and e-mails those that were new. For alert bursts.
     *
     * @return how many were new
     */
    public int notifyAll(List<NewNotification> batch) {
        int created = 0;
        for (int from = 0; from < batch.size(); from += 5_000) {
            var chunk = batch.subList(from, Math.min(batch.size(), from + 5_000));
            var now = Instant.now(clock);
            List<NotificationDocument> documents = chunk.stream().map(n -> document(n, now)).toList();
            java.util.Set<Integer> failed = new java.util.HashSet<>();
            try {
                mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, NotificationDocument.class).insert(documents)
                        .execute();
            } catch (BulkOperationException e) {
                for (var error : e.getErrors()) {
                    if (error.getCode() != 11000) {
                        throw e;
                    }
                    failed.add(error.getIndex());
                }
            }
            for (int i = 0; i < documents.size(); i++) {
                if (!failed.contains(i)) {
                    created++;
                    if (chunk.get(i).email()) {
                        mailer.send(documents.get(i), render(documents.get(i), Messages.NORWEGIAN));
                    }
                }
            }
        }
        return created;
    }

    private static NotificationDocument document(NewNotification n, Instant now) {
        return new NotificationDocument(n.recipient().value() + "|" + n.key(), n.recipient().value(), n.kind(),
                n.positionId().value(), n.positionTitle(), n.args(), n.savedSearchId(), n.unsubscribeToken(), now,
                false, n.otherPositions().stream().map(PositionId::value).toList());
    }

    /** The current user's notifications, newest first (at most 200), in the given language. */
    @PreAuthorize("isAuthenticated()")
    public List<Notification> mine(Locale locale) {
        return repository.findByRecipientOrderByCreatedAtDesc(currentId(), PageRequest.of(0, LIST_LIMIT)).stream()
                .map(d -> new Notification(d.id(), d.kind(), new PositionId(d.positionId()), d.positionTitle(),
                        render(d, locale), d.createdAt(), d.read(), d.savedSearchId(),
                        d.otherPositionIds().stream().map(PositionId::new).toList()))
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    public void markAllRead() {
        mongo.updateMulti(Query.query(Criteria.where("recipient").is(currentId()).and("read").is(false)),
                Update.update("read", true), NotificationDocument.class);
    }

    /** Whether notifications also go out by e-mail (SMTP configured). */
    public boolean mailEnabled() {
        return mailer.enabled();
    }

    private String render(NotificationDocument document, Locale locale) {
        List<Object> args = new ArrayList<>();
        args.add(document.positionTitle());
        for (var arg : document.args()) {
            args.add(arg.startsWith("key:") ? messages.get(arg.substring(4), locale) : arg);
        }
        var others = document.otherPositionIds().size();
        args.add(others);
        return messages.get("notification." + document.kind().name() + (others > 0 ? ".many" : ""), locale,
                args.toArray());
    }

    private static String currentId() {
        return PortalUser.current().orElseThrow(() -> new AccessDeniedException("Login required")).id().value();
    }
}
