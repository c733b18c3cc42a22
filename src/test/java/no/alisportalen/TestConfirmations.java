package no.alisportalen;

import com.icegreen.greenmail.util.GreenMail;
import no.alisportalen.account.EmailVerifications;
import org.jspecify.annotations.Nullable;

/**
 * With SMTP configured (the test context always has GreenMail) a self-registered applicant reaches no one until
 * the address is confirmed. Tests that only need an applicant confirm it here, with the token the portal mailed,
 * exactly as the owner's click would; tests about unconfirmed accounts simply do not.
 */
public final class TestConfirmations {

    private static volatile @Nullable TestConfirmations installed;

    private final GreenMail mail;
    private final EmailVerifications verifications;

    private TestConfirmations(GreenMail mail, EmailVerifications verifications) {
        this.mail = mail;
        this.verifications = verifications;
    }

    static TestConfirmations install(GreenMail mail, EmailVerifications verifications) {
        var confirmations = new TestConfirmations(mail, verifications);
        installed = confirmations;
        return confirmations;
    }

    /** Confirms the address with the link mailed to it (waits for the mail, which is sent asynchronously). */
    public static void confirm(String email) {
        var current = installed;
        if (current == null) {
            throw new IllegalStateException("No test context with GreenMail has started");
        }
        current.verifications.confirm(TestMail.confirmationToken(current.mail, email));
    }
}
