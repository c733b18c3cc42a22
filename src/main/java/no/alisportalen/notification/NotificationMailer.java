package no.alisportalen.notification;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.alisportalen.account.AccountService;
import no.alisportalen.base.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a notification by e-mail when SMTP is configured; without it the portal works the same, in-app only.
 * Sending happens off the request thread, and a failed send is logged, never surfaced to the user who caused it.
 */
@Component
class NotificationMailer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final AccountService accounts;
    private final Messages messages;
    private final MailProperties properties;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    NotificationMailer(ObjectProvider<JavaMailSender> sender, AccountService accounts, Messages messages,
            MailProperties properties) {
        this.sender = sender;
        this.accounts = accounts;
        this.messages = messages;
        this.properties = properties;
    }

    boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    void send(NotificationDocument notification, String message) {
        var mail = sender.getIfAvailable();
        if (mail == null) {
            return;
        }
        executor.execute(() -> accounts.find(new no.alisportalen.account.AccountId(notification.recipient()))
                // An unconfirmed address gets nothing but its confirmation link (security review finding 5).
                .filter(no.alisportalen.account.Account::emailVerified)
                .ifPresent(account -> {
                    var base = properties.publicUrl().toString().replaceAll("/$", "");
                    var body = new StringBuilder(message).append("\n\n")
                            .append(messages.get("mail.open", Messages.NORWEGIAN)).append(' ')
                            .append(base).append("/stilling/").append(notification.positionId()).append("\n\n")
                            .append(messages.get("mail.settings", Messages.NORWEGIAN)).append(' ')
                            .append(base).append("/varsler\n");
                    if (notification.unsubscribeToken() != null) {
                        body.append(messages.get("mail.unsubscribe", Messages.NORWEGIAN)).append(' ').append(base)
                                .append("/avmeld?token=").append(notification.unsubscribeToken()).append('\n');
                    }
                    var email = new SimpleMailMessage();
                    email.setFrom(properties.from());
                    email.setTo(account.email());
                    email.setSubject(messages.get("mail.subject", Messages.NORWEGIAN, notification.positionTitle()));
                    email.setText(body.toString());
                    try {
                        mail.send(email);
                    } catch (MailException e) {
                        // The class only: a mail exception's message may name the recipient.
                        log.warn("Could not e-mail notification {}: {}", notification.id(), e.getClass().getName());
                    }
                }));
    }

    /** The confirmation link for a new applicant's address: the one mail an unconfirmed address gets. */
    @org.springframework.context.event.EventListener
    void on(no.alisportalen.account.EmailVerificationRequested verification) {
        var mail = sender.getIfAvailable();
        if (mail == null) {
            return;
        }
        sendLink(mail, verification.email(), verification.locale(), "mail.verify", verification.name(),
                "/bekreft-epost?token=" + verification.token());
    }

    /** The single-use reset link, to the account's own address only; without SMTP nothing is sent. */
    @org.springframework.context.event.EventListener
    void on(no.alisportalen.account.PasswordResetRequested reset) {
        var mail = sender.getIfAvailable();
        if (mail == null) {
            // No address in the log (DD011): a log is no place for who asked.
            log.info("Password reset asked, but no SMTP is configured: no e-mail sent");
            return;
        }
        sendLink(mail, reset.email(), reset.locale(), reset.registration() ? "mail.takeover" : "mail.reset",
                reset.name(), "/nytt-passord?token=" + reset.token());
    }

    /** A mail whose body (messages {@code <key>.subject} and {@code <key>.body}) carries one link into the portal. */
    private void sendLink(JavaMailSender mail, String to, java.util.Locale locale, String key, String name,
            String path) {
        var email = new SimpleMailMessage();
        email.setFrom(properties.from());
        email.setTo(to);
        email.setSubject(messages.get(key + ".subject", locale));
        email.setText(messages.get(key + ".body", locale, name,
                properties.publicUrl().toString().replaceAll("/$", "") + path));
        executor.execute(() -> {
            try {
                mail.send(email);
            } catch (MailException e) {
                log.warn("Could not send the e-mail {}: {}", key, e.getClass().getName());
            }
        });
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
