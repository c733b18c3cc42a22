package no.alisportalen;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A real SMTP server (GreenMail) on a free port, so the portal's e-mail notifications can be read back. */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        var server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }

    /** Confirms self-registered test applicants as their owners would, with the link from the mail. */
    @Bean
    TestConfirmations testConfirmations(GreenMail server, no.alisportalen.account.EmailVerifications verifications) {
        return TestConfirmations.install(server, verifications);
    }

    @Bean
    JavaMailSender mailSender(GreenMail server) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        return sender;
    }
}
