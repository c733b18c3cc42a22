package no.alisportalen;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Browserless Vaadin view tests with the full portal context. The same context as {@link IntegrationTest}, so the
 * whole test JVM runs one Spring context (one security-context strategy, one store, one Elasticsearch).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(StoresReadyExtension.class)
@Import(TestMailServer.class)
public @interface ViewTest {}
