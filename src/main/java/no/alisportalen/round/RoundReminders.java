package no.alisportalen.round;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.alisportalen.account.AccountId;
import no.alisportalen.account.AccountService;
import no.alisportalen.base.Backdating;
import no.alisportalen.matching.MatchService;
import no.alisportalen.notification.NewNotification;
import no.alisportalen.notification.NotificationKind;
import no.alisportalen.notification.NotificationService;
import no.alisportalen.position.PositionId;
import no.alisportalen.round.RoundDocuments.ApplicantRanking;
import no.alisportalen.round.RoundDocuments.CoupleHalf;
import no.alisportalen.round.RoundDocuments.PositionRanking;
import no.alisportalen.round.RoundDocuments.RoundDocument;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Three days before each of an open round's deadlines, a notification (and an e-mail where SMTP is set up):
 * before the applicants' deadline to the applicants who have started ranking or whose wishes include the
 * round's region; before the municipalities' deadline to the users of every municipality with a position not
 * ranked yet. Each reminder goes once: the round records it, and the notification key repeats nothing.
 */
@Component
class RoundReminders {

    static final int DAYS_BEFORE = 3;

    private final MongoTemplate mongo;
    private final NotificationService notifications;
    private final AccountService accounts;
    private final MatchService matches;
    private final Clock clock;

    RoundReminders(MongoTemplate mongo, NotificationService notifications, AccountService accounts,
            MatchService matches, Clock clock) {
        this.mongo = mongo;
        this.notifications = notifications;
        this.accounts = accounts;
        this.matches = matches;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void scheduled() {
        if (!Backdating.inProgress()) {
            remind();
        }
    }

    /** Sends the reminders that are due; returns how many notifications went out. */
    int remind() {
        var today = LocalDate.now(clock);
        int sent = 0;
        for (var round : mongo.find(Query.query(Criteria.where("status").is(RoundStatus.OPEN)), RoundDocument.class)) {
            if (due(today, round.applicantRankingDeadline()) && !round.remindersSent().contains("applicants")) {
                sent += send(round, "applicants", applicants(round), new PositionId(round.positions().getFirst()
                        .positionId()), round.applicantRankingDeadline());
            }
            if (due(today, round.municipalityRankingDeadline()) && !round.remindersSent().contains("municipalities")) {
                Set<String> ranked = new java.util.HashSet<>();
                mongo.find(Query.query(Criteria.where("roundId").is(round.id())), PositionRanking.class)
                        .forEach(r -> ranked.add(r.positionId()));
                for (var position : round.positions()) {
                    if (!ranked.contains(position.positionId())) {
                        sent += notify(round, "municipalities", accounts.municipalityUserIds(
                                position.municipalityNumber()), new PositionId(position.positionId()),
                                round.municipalityRankingDeadline());
                    }
                }
                mark(round, "municipalities");
            }
        }
        return sent;
    }

    private static boolean due(LocalDate today, LocalDate deadline) {
        return !today.isAfter(deadline) && !today.plusDays(DAYS_BEFORE).isBefore(deadline);
    }

    /** Applicants who started ranking, and those whose wishes include the region (or any region). */
    private List<AccountId> applicants(RoundDocument round) {
        Set<String> ids = new LinkedHashSet<>();
        mongo.find(Query.query(Criteria.where("roundId").is(round.id())), ApplicantRanking.class)
                .forEach(r -> ids.add(r.applicantId()));
        mongo.find(Query.query(Criteria.where("roundId").is(round.id())), CoupleHalf.class)
                .forEach(h -> ids.add(h.applicantId()));
        matches.allPreferences().stream().filter(p -> p.preferences().regions().isEmpty()
                || p.preferences().regions().contains(round.region())).forEach(p -> ids.add(p.applicant().value()));
        return ids.stream().map(AccountId::new).toList();
    }

    private int send(RoundDocument round, String who, List<AccountId> recipients, PositionId position,
            LocalDate deadline) {
        int sent = notify(round, who, recipients, position, deadline);
        mark(round, who);
        return sent;
    }

    private int notify(RoundDocument round, String who, List<AccountId> recipients, PositionId position,
            LocalDate deadline) {
        var date = java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy").format(deadline);
        return notifications.notifyAll(recipients.stream().map(r -> new NewNotification(r,
                "round:" + round.id() + ":" + who + ":" + position.value(), NotificationKind.ROUND_DEADLINE, position,
                round.name(), List.of(date), round.id(), null, true)).toList());
    }

    private void mark(RoundDocument round, String who) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(round.id())),
                new Update().addToSet("remindersSent", who).inc("version", 1), RoundDocument.class);
    }
}
