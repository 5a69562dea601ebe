package org.openrfid.trace.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of DESIGN.md §3, checked on the compiled main classes of every module (this
 * module sees them all on its classpath). Each rule was seen failing on a deliberate violation when it
 * was written; {@code theImportSeesEveryModule} keeps them from passing because nothing was imported.
 * The modules have rules of their own too ({@code ReaderAdapterArchitectureTests},
 * {@code PipelineArchitectureTests}).
 */
class ArchitectureTests {

    static final String ROOT = "org.openrfid.trace";

    /** Value and domain packages of the reader adapter and the pipeline: plain Java, no framework and no JDBC. */
    static final String[] DOMAIN_PACKAGES = {
            "org.openrfid.trace.reader",          // TagRead, RawEpc, reader status values (the package itself, not subpackages)
            "org.openrfid.trace.identity..",
            "org.openrfid.trace.passage..",
    };

    static final String[] FRAMEWORKS = {
            "org.springframework..", "org.apache.camel..", "com.hazelcast..", "java.sql..", "javax.sql..", "jakarta.persistence..",
            "com.fasterxml.jackson..",
    };

    /** What a service port or value may not use: the frameworks, and Jackson's annotations (JSON shape is the web layer's). */
    static final String[] SERVICE_DOMAIN_FORBIDDEN = {
            "org.springframework..", "org.apache.camel..", "com.hazelcast..", "java.sql..", "javax.sql..", "jakarta.persistence..",
            "com.fasterxml.jackson.annotation..",
    };

    /**
     * Values that configuration properties are bound to as well ({@code rfid.readers[n]}), so they carry
     * Spring's binding annotation.
     */
    static final Set<String> PROPERTY_BOUND_VALUES = Set.of("org.openrfid.trace.service.readerfleet.ReaderDefinition");

    /** Where JDBC may be used: each feature's {@code jdbc/} adapters and the shared SQL dialect. */
    static final String[] JDBC_HOMES = {"..jdbc..", "org.openrfid.trace.service.platform.sql.."};

    static final String[] JDBC = {"java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.postgresql..", "org.h2.."};

    /**
     * Where Camel may be used: the reader adapter's Camel component, the pipeline, and the service's
     * pipeline assembly (which also owns the reader links and the JSON ingest routes).
     */
    static final String[] CAMEL_HOMES = {"org.openrfid.trace.reader.camel..", "org.openrfid.trace.pipeline..",
            "org.openrfid.trace.service.pipeline.."};

    /**
     * The named cluster adapters outside a {@code cluster} package: each keeps one piece of cluster state
     * (a backed-up map, a topic, a lease) behind a plain API. Anything new that needs Hazelcast goes in a
     * {@code cluster} package or joins this list with a reason.
     */
    static final Set<String> CLUSTER_ADAPTERS = Set.of(
            "org.openrfid.trace.service.readerfleet.ReaderDefinitions",   // the cluster-wide reader map
            "org.openrfid.trace.service.readerfleet.ReaderConnections",   // which member holds which reader
            "org.openrfid.trace.service.retention.RunGuard",              // one retention run in the cluster
            "org.openrfid.trace.service.enrichment.RegistryChangeRelay",  // registry changes to every member
            "org.openrfid.trace.service.road.RoadLinkChanges");           // road link imports to every member's network

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the service's test jar is on this module's class path too: its classes are tests
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages(ROOT);
    }

    @Test
    void noPackageCyclesInAnyModule() {
        ArchRule rule = slices().matching("org.openrfid.trace.(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .because("a package that needs another must not be needed by it (DESIGN.md §3)");
        rule.check(classes);
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

    /**
     * In the service, a feature's ports and values (its interfaces, records and enums outside {@code web},
     * {@code jdbc} and {@code cluster}) are plain Java too: no Spring, Camel, Hazelcast, JDBC or Jackson,
     * so a port can get another adapter and a value can be read without the framework.
     */
    @Test
    void serviceDomainTypesUseNoFramework() {
        DescribedPredicate<JavaClass> portOrValue = DescribedPredicate.describe("a port or value type",
                c -> c.isInterface() || c.isRecord() || c.isEnum());
        DescribedPredicate<JavaClass> webView = DescribedPredicate.describe("a view declared in a controller",
                c -> c.getEnclosingClass().map(e -> e.getSimpleName().endsWith("Controller")).orElse(false));
        DescribedPredicate<JavaClass> configurationProperties = DescribedPredicate.describe(
                "configuration properties (bound by Spring) and their nested settings",
                c -> c.getSimpleName().endsWith("Properties")
                        || c.getEnclosingClass().map(e -> e.getSimpleName().endsWith("Properties")).orElse(false));
        ArchRule rule = noClasses().that().resideInAPackage("org.openrfid.trace.service..")
                .and().resideOutsideOfPackages("..web..", "..jdbc..", "..cluster..", "org.openrfid.trace.service.pipeline..",
                        "org.openrfid.trace.service.platform..")
                .and(portOrValue)
                .and(not(webView))
                .and(not(namedIn(CLUSTER_ADAPTERS)))
                .and(not(namedIn(PROPERTY_BOUND_VALUES)))
                .and(not(configurationProperties))
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE_DOMAIN_FORBIDDEN)
                .because("ports and values of a feature are plain Java, their JSON shape is the web layer's (DESIGN.md §3)");
        rule.check(classes);
    }

    @Test
    void jdbcOnlyInJdbcAdaptersAndTheSqlDialect() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(JDBC_HOMES)
                .should().dependOnClassesThat().resideInAnyPackage(JDBC)
                .because("a feature reaches its tables through its jdbc/ adapters only (DESIGN.md §3)");
        rule.check(classes);
    }

    @Test
    void hazelcastOnlyInNamedClusterAdapters() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("..cluster..")
                .and(not(namedIn(CLUSTER_ADAPTERS)))
                // wiring hands the member to the adapters
                .and(not(simpleNameEndingWith("Configuration")))
                .and(not(simpleNameEndingWith("Assembly")))
                .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
                .because("per-read work stays out of Hazelcast; cluster state lives behind named adapters (DESIGN.md §5)");
        rule.check(classes);
    }

    @Test
    void camelOnlyInTheReaderComponentThePipelineAndItsAssembly() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(CAMEL_HOMES)
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .because("routes are assembled in one place (DESIGN.md §2-3)");
        rule.check(classes);
    }

    @Test
    void readerAdapterDoesNotReachIntoLaterStages() {
        ArchRule rule = noClasses().that().resideInAPackage("org.openrfid.trace.reader..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.openrfid.trace.passage..", "org.openrfid.trace.pipeline..", "org.openrfid.trace.identity..",
                        "org.openrfid.trace.service..", "org.openrfid.trace.web..");
        rule.check(classes);
    }

    @Test
    void thePipelineDoesNotReachIntoTheService() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.openrfid.trace.pipeline..", "org.openrfid.trace.passage..",
                        "org.openrfid.trace.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("org.openrfid.trace.service..", "org.openrfid.trace.web..");
        rule.check(classes);
    }

    @Test
    void noStorePackage() {
        ArchRule rule = classes().that().resideInAPackage(ROOT + "..")
                .should().resideOutsideOfPackages("..store..")
                .because("store adapters live in each feature's jdbc/ package");
        rule.check(classes);
    }

    /** The class is one of these, or nested in one of them (lambdas, listeners). */
    private static DescribedPredicate<JavaClass> namedIn(Set<String> names) {
        return DescribedPredicate.describe("one of " + names, c -> {
            String name = c.getName();
            int nested = name.indexOf('$');
            return names.contains(nested < 0 ? name : name.substring(0, nested));
        });
    }

    @Test
    void theImportSeesEveryModule() {
        // Guards the rules above against passing vacuously because a module's classes were not found.
        assertThat(classes.contain("org.openrfid.trace.reader.TagRead")).isTrue();
        assertThat(classes.contain("org.openrfid.trace.passage.PassageSmoother")).isTrue();
        assertThat(classes.contain("org.openrfid.trace.identity.EpcDecoder")).isTrue();
        assertThat(classes.contain("org.openrfid.trace.service.passage.PassageStore")).isTrue();
        assertThat(classes.contain("org.openrfid.trace.service.passage.jdbc.PassageStoreConfiguration")).isTrue();
        assertThat(classes.contain("org.openrfid.trace.RfidTraceApplication")).isTrue();
        assertThat(classes.that(resideInAnyPackage("..testsupport..")).size()).as("test classes are not imported").isZero();
    }
}
