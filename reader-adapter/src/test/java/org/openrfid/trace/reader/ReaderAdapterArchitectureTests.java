package org.openrfid.trace.reader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.Slices;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reader adapter's package rules (DESIGN.md §3, STYLE.md items 2 and 3): no package cycles, Camel
 * only in the Camel component, the values handed on (this package) free of frameworks and of the LLRP
 * Toolkit, and the LLRP client and the simulator usable without Camel. Main classes only: tests may use
 * anything. Each rule was seen failing on a deliberate violation when it was written.
 */
@AnalyzeClasses(packages = ReaderAdapterArchitectureTests.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ReaderAdapterArchitectureTests.NoTestJars.class})
class ReaderAdapterArchitectureTests {

    static final String ROOT = "org.openrfid.trace.reader";

    /** Another module's test jar on the class path would pass DoNotIncludeTests; keep it out too. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    /**
     * Every package its own slice, this one included: {@code matching("org.openrfid.trace.reader.(**)")}
     * leaves the values package out of every slice, so a cycle between it and {@code llrp} would pass.
     */
    static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of " + ROOT + ", each its own slice";
        }
    };

    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(PACKAGES).should().beFreeOfCycles()
            .because("a package that needs another must not be needed by it (DESIGN.md §3)");

    @ArchTest
    static final ArchRule camelOnlyInTheCamelComponent = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".camel..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
            .because("the llrp: component is this module's only Camel; session, decoder and simulator are plain Java");

    @ArchTest
    static final ArchRule valuesUseNoFrameworkNorTheLlrpToolkit = noClasses()
            .that().resideInAPackage(ROOT)
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.llrp..", "org.springframework..",
                    "com.hazelcast..", "com.fasterxml.jackson..", "java.sql..", "javax.sql..", "jakarta..")
            .because("TagRead, RawEpc and the status values are what later modules see: plain records (STYLE.md items 2, 3)");

    @ArchTest
    static final ArchRule llrpAndSimulatorDoNotNeedCamel = noClasses()
            .that().resideInAnyPackage(ROOT + ".llrp..", ROOT + ".simulator..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".camel..", "org.apache.camel..")
            .because("the client, decoder and simulator run in tests, demos and load tools without a Camel context");

    @ArchTest
    static void onlyMainClassesOfEveryPackageAreImported(JavaClasses classes) {
        // Guards the rules above against passing because nothing, or the wrong things, were imported.
        Set<String> packages = classes.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        assertThat(packages).as("packages the rules look at").contains(ROOT, ROOT + ".llrp", ROOT + ".simulator", ROOT + ".camel");
        assertThat(classes.contain(ROOT + ".llrp.LlrpClientSession")).as("a main class").isTrue();
        assertThat(classes.stream().map(JavaClass::getName)
                .filter(name -> name.endsWith("Tests") || name.startsWith(ROOT + ".bench.")))
                .as("test classes").isEmpty();
    }

    @ArchTest
    static void everyPackageIsASliceOfItsOwn(JavaClasses classes) {
        Map<String, Set<String>> slices = new HashMap<>();
        for (Slice slice : Slices.assignedFrom(PACKAGES).transform(classes)) {
            slices.put(slice.getNamePart(1), slice.stream().map(JavaClass::getPackageName).collect(Collectors.toSet()));
        }
        assertThat(slices).as("slice -> packages of its classes").containsEntry(ROOT, Set.of(ROOT))
                .containsEntry(ROOT + ".llrp", Set.of(ROOT + ".llrp"))
                .containsEntry(ROOT + ".simulator", Set.of(ROOT + ".simulator"))
                .containsEntry(ROOT + ".camel", Set.of(ROOT + ".camel"));
    }
}
