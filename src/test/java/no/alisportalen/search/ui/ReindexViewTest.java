package no.alisportalen.search.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.Duration;
import no.alisportalen.TestApi;
import no.alisportalen.ViewTest;
import no.alisportalen.search.PositionSearchService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class ReindexViewTest extends SpringBrowserlessTest {

    @Autowired
    PositionSearchService search;

    @Test
    @WithUserDetails(TestApi.ADMIN_EMAIL)
    void an_admin_starts_a_rebuild_and_sees_it_finish() {
        var view = navigate(ReindexView.class);
        test(view.start).click();
        await().pollInSameThread().atMost(Duration.ofMinutes(2)).until(() -> !search.reindexStatus().running());
        view.show(search.reindexStatus());
        assertThat(view.progress.getValue()).isEqualTo(100);
        assertThat(view.status.getText()).startsWith("Ferdig:");
        assertThat(view.start.isEnabled()).isTrue();
    }

    @Test
    @WithMockUser(roles = "ALIS_OFFICE")
    void only_admins_may_rebuild() {
        assertThatThrownBy(() -> navigate(ReindexView.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> search.reindex())
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
    }
}
