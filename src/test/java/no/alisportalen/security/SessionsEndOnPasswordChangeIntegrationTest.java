package no.alisportalen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.account.PasswordService;
import no.alisportalen.account.PortalUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A password change ends the user's other sessions, on any node (the stamp is the store's), but not the current one. */
@IntegrationTest
class SessionsEndOnPasswordChangeIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    CredentialsFreshnessFilter filter;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordService passwords;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static void login(PortalUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** One request of a session logged in as {@code user}; true when the session survived it. */
    private boolean survives(PortalUser user) throws Exception {
        login(user);
        var session = new MockHttpSession();
        var request = new MockHttpServletRequest("GET", "/api/v1/me");
        request.setSession(session);
        var chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).as("the request goes on either way").isNotNull();
        return !session.isInvalid();
    }

    @Test
    void other_sessions_end_and_the_changing_one_goes_on() throws Exception {
        var account = new TestApi(port).newApplicant("To faner", "LIS1");
        var otherTab = (PortalUser) users.loadUserByUsername(account[0]);
        assertThat(survives(otherTab)).isTrue();

        login((PortalUser) users.loadUserByUsername(account[0]));
        var changed = passwords.changeOwn(account[1], "Et helt nytt passord 2027");

        // Each node reads the stamp at most every two seconds.
        await().atMost(Duration.ofSeconds(10)).until(() -> !survives(otherTab));
        assertThat(survives(changed)).as("the session that changed it").isTrue();
    }
}
