package no.alisportalen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** What only a browser shows: the login form posts, the session sticks, the menu follows the role. */
class LoginFlowE2ETest extends E2ETestSupport {

    @Test
    void an_admin_logs_in_through_the_ui_sees_the_admin_menu_and_logs_out() {
        browser.open("/");
        browser.waitForText("For medisinstudenter og LIS1");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nb");

        browser.login(TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        browser.waitForText("Innlogget som " + TestApi.ADMIN_EMAIL);
        browser.waitFor(By.cssSelector("vaadin-side-nav-item[path='admin/brukere']"));

        browser.waitFor(By.id("logout")).click();
        browser.waitFor(By.id("login-link"));
        assertThat(browser.driver.findElements(By.cssSelector("vaadin-side-nav-item[path='admin/brukere']"))).isEmpty();
    }

    @Test
    void a_wrong_password_shows_a_norwegian_error_and_no_session() {
        browser.open("/login");
        browser.type(By.cssSelector("vaadin-login-form input[name='username']"), TestApi.ADMIN_EMAIL);
        browser.type(By.cssSelector("vaadin-login-form input[name='password']"), "feil passord her");
        browser.waitFor(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        browser.waitForText("Feil e-post eller passord");
        assertThat(browser.driver.findElements(By.id("logout"))).isEmpty();
    }
}
