package no.alisportalen;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** ALIS-portalen: recruitment and job matching for GPs in specialist training. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
// Vaadin 25 no longer applies Lumo by itself.
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "description", content = "ALIS-portalen: ALIS-stillinger i hele Norge")
@PWA(name = "ALIS-portalen", shortName = "ALIS")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
