package no.alisportalen.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import no.alisportalen.base.Messages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mail.javamail.JavaMailSender;

class NotificationMailerTest {

    @Test
    void without_smtp_the_mailer_is_off_and_sending_is_a_harmless_no_op() {
        var noSender = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
        // No account lookup happens when there is no sender, so no AccountService is needed.
        var mailer = new NotificationMailer(noSender, null, new Messages(new StaticMessageSource()),
                new MailProperties("ikke-svar@test.no", URI.create("http://localhost:8080")));
        assertThat(mailer.enabled()).isFalse();
        assertThatCode(() -> mailer.send(new NotificationDocument("a|b", "a", NotificationKind.SEARCH_MATCH, "p1",
                "Tittel", List.of(), null, null, Instant.now(), false, List.of()), "Melding")).doesNotThrowAnyException();
        mailer.close();
    }
}
