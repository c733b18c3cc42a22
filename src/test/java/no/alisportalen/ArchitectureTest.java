package no.alisportalen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

class ArchitectureTest {

    /** Imported once for the class (JUnit makes an instance per test; the import took ~4 s each time). */
    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("no.alisportalen");

    @Test
    void base_and_infrastructure_depend_on_no_feature() {
        noClasses().that().resideInAnyPackage("no.alisportalen.base..", "no.alisportalen.infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("no.alisportalen.account..",
                        "no.alisportalen.municipality..", "no.alisportalen.security..", "no.alisportalen.demo..")
                .check(classes);
    }

    @Test
    void repositories_stay_inside_their_feature() {
        classes().that().haveSimpleNameEndingWith("Repository").should().notBePublic().check(classes);
        noClasses().should().beAnnotatedWith(Repository.class).andShould().bePublic().allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void views_live_in_ui_packages_and_only_the_login_view_is_public() {
        classes().that().areAnnotatedWith(Route.class).should().resideInAPackage("..ui..").check(classes);
        classes().that().areAnnotatedWith(Route.class).and().doNotHaveSimpleName("LoginView").should().notBePublic()
                .check(classes);
    }
}
