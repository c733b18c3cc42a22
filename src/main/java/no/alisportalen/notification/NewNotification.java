package no.alisportalen.notification;

import java.util.List;
import no.alisportalen.account.AccountId;
import no.alisportalen.position.PositionId;
import org.jspecify.annotations.Nullable;

/**
 * A notification to store for one account.
 *
 * @param key identifies the change being notified; a second notification with the same key is ignored
 * @param args message arguments after the position title; an argument {@code key:some.message} is translated
 * @param savedSearchId the saved search that matched, for SEARCH_MATCH; the round, for ROUND_DEADLINE
 * @param unsubscribeToken for SEARCH_MATCH: the secret of the e-mail's one-click unsubscribe link
 * @param email whether to e-mail it as well (when SMTP is configured)
 * @param otherPositions for a digest: further positions the notice is about, besides {@code positionId}
 */
public record NewNotification(
        AccountId recipient,
        String key,
        NotificationKind kind,
        PositionId positionId,
        String positionTitle,
        List<String> args,
        @Nullable String savedSearchId,
        @Nullable String unsubscribeToken,
        boolean email,
        List<PositionId> otherPositions) {

    public NewNotification {
        args = List.copyOf(args);
        otherPositions = List.copyOf(otherPositions);
    }

    /** A notice about one position. */
    public NewNotification(AccountId recipient, String key, NotificationKind kind, PositionId positionId,
            String positionTitle, List<String> args, @Nullable String savedSearchId,
            @Nullable String unsubscribeToken, boolean email) {
        this(recipient, key, kind, positionId, positionTitle, args, savedSearchId, unsubscribeToken, email,
                List.of());
    }
}
