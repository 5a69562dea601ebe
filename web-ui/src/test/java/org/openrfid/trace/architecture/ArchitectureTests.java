package org.openrfid.trace.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of DESIGN.md §3, checked on the compiled classes of every module (this
 * module sees them all on its classpath).
 */
class ArchitectureTests {

    /** Value and domain packages: plain Java, no framework and no JDBC. */
    static final String[] DOMAIN_PACKAGES = {
            "org.openrfid.trace.reader",          // TagRead, RawEpc, reader status values (the package itself, not subpackages)
            "org.openrfid.trace.identity..",
            "org.openrfid.trace.passage..",
            "org.openrfid.trace.location",         // Location, Locations (its web adapter lives in location.web)
    };

    static final String[] FRAMEWORKS = {
            "org.springframework..", "org.apache.camel..", "com.hazelcast..", "java.sql..", "javax.sql..", "jakarta.persistence..",
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openrfid.trace");
    }

    @Test
    void llrpToolkitTypesStayInsideTheReaderAdapter() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.openrfid.trace.reader..")
                .should().dependOnClassesThat().resideInAPackage("org.llrp..")
                .because("LLRP Toolkit types never leave reader-adapter (DESIGN.md §3)");
        rule.check(classes);
    }

    @Test
    void domainAndValuePackagesUseNoFramework() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("value types are plain records with no framework (DESIGN.md §3, STYLE.md 2)");
        rule.check(classes);
    }

    @Test
    void readerAdapterDoesNotReachIntoLaterStages() {
        ArchRule rule = noClasses().that().resideInAPackage("org.openrfid.trace.reader..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.openrfid.trace.passage..", "org.openrfid.trace.pipeline..", "org.openrfid.trace.identity..",
                        "org.openrfid.trace.store..", "org.openrfid.trace.web..");
        rule.check(classes);
    }

    @Test
    void theImportSeesEveryModule() {
        // Guards the rules above against passing vacuously because a module's classes were not found.
        org.assertj.core.api.Assertions.assertThat(classes.contain("org.openrfid.trace.reader.TagRead")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("org.openrfid.trace.passage.PassageSmoother")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("org.openrfid.trace.identity.EpcDecoder")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("org.openrfid.trace.service.passage.PassageStore")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("org.openrfid.trace.RfidTraceApplication")).isTrue();
    }
}
