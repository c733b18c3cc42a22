package no.alisportalen.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import no.alisportalen.account.AccountId;
import no.alisportalen.matching.MatchService;
import no.alisportalen.notification.NewNotification;
import no.alisportalen.notification.NotificationKind;
import no.alisportalen.notification.NotificationService;
import no.alisportalen.position.FeedChangeType;
import no.alisportalen.position.FeedItem;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionService;
import no.alisportalen.search.PositionSearchService;
import no.alisportalen.search.SearchQuery;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the position feed after a stored cursor and notifies the owners of matching saved searches (one digest
 * per search and batch), and of favourites that closed. The batch's end is stored before evaluation and the
 * cursor moves only after the batch is done; a crash repeats exactly that batch, and the notifications'
 * deterministic keys ({@code search:<id>:<batch start>}) turn the repeats into no-ops.
 */
@Component
class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);
    static final String CURSORS = "alert_cursor";
    static final int BATCH = 500;

    private final PositionService positions;
    private final PositionSearchService search;
    private final MatchService matches;
    private final AlertService alerts;
    private final NotificationService notifications;
    private final MongoTemplate mongo;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    AlertEvaluator(PositionService positions, PositionSearchService search, MatchService matches, AlertService alerts,
            NotificationService notifications, MongoTemplate mongo, LockingTaskExecutor locks, Clock clock) {
        this.positions = positions;
        this.search = search;
        this.matches = matches;
        this.alerts = alerts;
        this.notifications = notifications;
        this.mongo = mongo;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 3_000, fixedDelay = 3_000)
    void scheduled() {
        // While the demo writes its history it evaluates each week itself; a run now would date notices today.
        if (!no.alisportalen.base.Backdating.inProgress()) {
            drain();
        }
    }

    /** Evaluates everything in the feed after the cursor; returns how many changes it handled. */
    synchronized int drain() {
        int[] handled = {0};
        try {
            locks.executeWithLock((Runnable) () -> {
                int n;
                while ((n = evaluateBatch()) > 0) {
                    handled[0] += n;
                }
            }, new LockConfiguration(Instant.now(), "alerts", Duration.ofMinutes(10), Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Alert evaluation failed; retrying from the same place on the next run: {}", e.toString());
        }
        return handled[0];
    }

    /**
     * One batch. Its end is stored in the cursor before anything is evaluated, so a batch repeated after a crash
     * covers exactly the same changes and its digests keep their keys.
     */
    private int evaluateBatch() {
        var state = mongo.findById("alerts", Document.class, CURSORS);
        long after = state == null ? 0 : Long.parseLong(String.valueOf(state.get("after")));
        Long until = state == null || state.get("until") == null ? null
                : Long.parseLong(String.valueOf(state.get("until")));
        var page = positions.feed(Long.toString(after), BATCH);
        var items = until == null ? page.items()
                : page.items().stream().filter(i -> i.sequence() <= until).toList();
        if (items.isEmpty()) {
            return 0;
        }
        long end = until != null ? until : items.getLast().sequence();
        if (until == null) {
            mongo.upsert(Query.query(Criteria.where("_id").is("alerts")), Update.update("until", end), CURSORS);
        }
        // The latest change per position in this batch: one notice per position, about its newest state.
        Map<String, FeedItem> changed = new LinkedHashMap<>();
        List<FeedItem> closed = new ArrayList<>();
        for (var item : items) {
            if (item.changeType() == FeedChangeType.CLOSED) {
                closed.add(item);
                changed.remove(item.position().id().value());
            } else {
                changed.put(item.position().id().value(), item);
            }
        }
        long started = System.nanoTime();
        int sent = notifySavedSearches(List.copyOf(changed.values()), after) + notifyClosedFavourites(closed);
        mongo.upsert(Query.query(Criteria.where("_id").is("alerts")), new Update().set("after", end).unset("until")
                .set("lastAfter", after).set("lastUntil", end), CURSORS);
        log.debug("Alerts: {} changes, {} notifications in {} ms", items.size(), sent,
                (System.nanoTime() - started) / 1_000_000);
        return items.size();
    }

    /** One digest per saved search and batch: at most one notification per search, listing every match. */
    private int notifySavedSearches(List<FeedItem> items, long batchStart) {
        var today = LocalDate.now(clock);
        var open = items.stream().filter(i -> i.position().isOpen(today)).toList();
        if (open.isEmpty()) {
            return 0;
        }
        List<Position> candidates = open.stream().map(FeedItem::position).toList();
        Map<String, FeedItem> byId = new LinkedHashMap<>();
        open.forEach(i -> byId.put(i.position().id().value(), i));

        List<SavedSearchDocument> saved;
        // Streamed in batches: 50,000 saved searches in one reply would near the driver's 48 MB limit.
        try (var stream = mongo.stream(new Query().cursorBatchSize(2_000), SavedSearchDocument.class)) {
            saved = stream.toList();
        }
        List<SavedSearchDocument> searches = new ArrayList<>();
        List<SearchQuery> queries = new ArrayList<>();
        List<NewNotification> batch = new ArrayList<>();
        var newest = open.stream().map(FeedItem::changedAt).max(java.util.Comparator.naturalOrder()).orElseThrow();
        for (var s : saved) {
            if (newest.isBefore(s.createdAt())) {
                continue; // every change in the batch is older than the search: nothing to tell
            }
            if (s.kind() == SavedSearchKind.SEARCH && s.query() != null) {
                searches.add(s);
                queries.add(alerts.toSearchQuery(s.query()));
            } else if (s.preferences() != null) {
                Predicate<Position> hard = matches.hardConstraints(s.preferences());
                digest(s, open.stream().filter(i -> hard.test(i.position())).toList(), batchStart)
                        .ifPresent(batch::add);
            }
        }
        var found = search.matchingPositions(queries, candidates);
        for (int i = 0; i < searches.size(); i++) {
            digest(searches.get(i), found.get(i).stream().map(id -> byId.get(id.value())).toList(), batchStart)
                    .ifPresent(batch::add);
        }
        return notifications.notifyAll(batch);
    }

    private java.util.Optional<NewNotification> digest(SavedSearchDocument search, List<FeedItem> matched,
            long batchStart) {
        // Only changes after the search was saved.
        var fresh = matched.stream().filter(i -> !i.changedAt().isBefore(search.createdAt())).toList();
        if (fresh.isEmpty()) {
            return java.util.Optional.empty();
        }
        var first = fresh.getFirst().position();
        var others = fresh.subList(1, fresh.size()).stream().map(i -> i.position().id()).toList();
        return java.util.Optional.of(new NewNotification(new AccountId(search.owner()),
                "search:" + search.id() + ":" + batchStart, NotificationKind.SEARCH_MATCH, first.id(),
                java.util.Objects.requireNonNullElse(first.data().title(), ""), List.of(plain(search.name())), search.id(),
                search.unsubscribeToken(), search.email(), others));
    }

    /**
     * A saved search's name as it may appear in a notice and an e-mail: plain text on one line, at most 60
     * characters (security review finding 5: the name is the user's, the mail is the portal's).
     */
    static String plain(String name) {
        var line = name.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }

    private int notifyClosedFavourites(List<FeedItem> closed) {
        int sent = 0;
        for (var item : closed) {
            var position = item.position();
            for (var favourite : mongo.find(Query.query(Criteria.where("positionId").is(position.id().value())),
                    FavouriteDocument.class)) {
                sent += notifications.notify(new NewNotification(new AccountId(favourite.owner()),
                        "closed:" + position.id().value(), NotificationKind.FAVOURITE_CLOSED, position.id(),
                        favourite.positionTitle(), List.of(), null, null, true)) ? 1 : 0;
            }
        }
        return sent;
    }

    /** Hourly: a notice (once) for favourites whose deadline is at most three days away. */
    @Scheduled(initialDelay = 20_000, fixedDelay = 3_600_000)
    int notifyApproachingDeadlines() {
        var today = LocalDate.now(clock);
        int sent = 0;
        Map<String, Position> seen = new LinkedHashMap<>();
        for (var favourite : mongo.findAll(FavouriteDocument.class)) {
            var position = seen.computeIfAbsent(favourite.positionId(), id -> positions.find(
                    new no.alisportalen.position.PositionId(id)).orElse(null));
            if (position == null || !position.isOpen(today) || position.data().applicationDeadline() == null
                    || position.data().applicationDeadline().isAfter(today.plusDays(3))) {
                continue;
            }
            var deadline = position.data().applicationDeadline();
            sent += notifications.notify(new NewNotification(new AccountId(favourite.owner()),
                    "deadline:" + position.id().value() + ":" + deadline, NotificationKind.FAVOURITE_DEADLINE,
                    position.id(), favourite.positionTitle(), List.of(deadline.toString()), null, null, true)) ? 1 : 0;
        }
        return sent;
    }
}
