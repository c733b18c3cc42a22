package no.alisportalen.infrastructure.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import no.alisportalen.TestApi;
import no.alisportalen.ViewTest;
import no.alisportalen.infrastructure.StoreBackups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class BackupViewTest extends SpringBrowserlessTest {

    @Autowired
    StoreBackups backups;

    @Test
    @WithUserDetails(TestApi.ADMIN_EMAIL)
    void an_admin_backs_up_now_and_sees_the_new_file_listed_first() {
        var view = navigate(BackupView.class);
        test(view.create).click();
        var newest = backups.list().getFirst();
        assertThat(view.status.getText()).isEqualTo("Sikkerhetskopien " + newest.name() + " er lagret.");
        assertThat(test(view.list).size()).isEqualTo(backups.list().size());
        assertThat(test(view.list).getCellText(0, 0)).isEqualTo(newest.name());
    }

    @Test
    @WithMockUser(roles = {"ALIS_OFFICE", "MUNICIPALITY", "APPLICANT"})
    void nobody_else_sees_or_takes_backups() {
        assertThatThrownBy(() -> navigate(BackupView.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backups.create()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> backups.list()).isInstanceOf(AuthorizationDeniedException.class);
    }
}
