package no.alisportalen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the portal's mails from the test SMTP server (GreenMail). */
public final class TestMail {

    private static final Pattern CONFIRM = Pattern.compile("bekreft-epost\\?token=([A-Za-z0-9_-]+)");

    private TestMail() {}

    /** Confirms a self-registered applicant's address with the link the portal mailed, as the owner would. */
    public static void confirm(GreenMail mail, TestApi api, String email) {
        assertThat(api.post("/api/v1/email-verification", Map.of("token", confirmationToken(mail, email))).status())
                .isEqualTo(204);
    }

    /** The token of the confirmation link mailed to the address (waits for the mail). */
    public static String confirmationToken(GreenMail mail, String email) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> token(mail, email), Optional::isPresent).get();
    }

    private static Optional<String> token(GreenMail mail, String email) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(email));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .map(TestMail::text).map(CONFIRM::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1)).findFirst();
    }

    /** The subjects of the mails sent to the address so far, in arrival order. */
    public static java.util.List<String> subjects(GreenMail mail, String email) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(email));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                return "";
            }
        }).toList();
    }

    /** The decoded text of a plain-text mail (the raw body is quoted-printable). */
    public static String text(jakarta.mail.Message message) {
        try {
            return String.valueOf(message.getContent());
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            return GreenMailUtil.getBody(message);
        }
    }

    /** Whether a mail is the address confirmation (tests counting notices leave it out). */
    public static boolean isConfirmation(jakarta.mail.Message message) {
        try {
            return message.getSubject().contains("bekreft e-postadressen");
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}
