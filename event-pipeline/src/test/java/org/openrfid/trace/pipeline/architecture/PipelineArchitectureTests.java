package org.openrfid.trace.pipeline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
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
 * The event pipeline's package rules (DESIGN.md §3, STYLE.md items 2 and 3): no package cycles, Hazelcast
 * only in the cluster layer, Camel only in the pipeline, and a framework-free domain core (identity,
 * passage). Main classes only: tests may start Hazelcast members and Camel contexts anywhere.
 */
@AnalyzeClasses(packages = {"org.openrfid.trace.identity", "org.openrfid.trace.passage", "org.openrfid.trace.pipeline"}, importOptions = ImportOption.DoNotIncludeTests.class)
class PipelineArchitectureTests {

    private static final String ROOT = "org.openrfid.trace.";

    /**
     * Every package of the module its own slice, named by its path below {@code org.openrfid.trace}, so
     * {@code pipeline} and {@code pipeline.cluster} are two slices (a plain {@code pipeline.(*)..} pattern
     * would fold the sub-packages into one and miss a cycle between them).
     */
    static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            for (String top : new String[] {"identity", "passage", "pipeline"}) {
                if (pkg.equals(ROOT + top) || pkg.startsWith(ROOT + top + ".")) {
                    return SliceIdentifier.of(pkg.substring(ROOT.length()));
                }
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of org.openrfid.trace.{identity,passage,pipeline}, each its own slice";
        }
    };

    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule hazelcastOnlyInTheClusterLayer = noClasses()
            .that().resideOutsideOfPackage("org.openrfid.trace.pipeline.cluster")
            .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
            .because("IMap, ringbuffers and topics stay inside one adapter per use (STYLE.md item 3)");

    @ArchTest
    static final ArchRule camelOnlyInThePipeline = noClasses()
            .that().resideOutsideOfPackage("org.openrfid.trace.pipeline..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
            .because("routes are the pipeline's; the domain core is called by them, never calls them");

    @ArchTest
    static final ArchRule domainCoreUsesNoFramework = noClasses()
            .that().resideInAnyPackage("org.openrfid.trace.identity..", "org.openrfid.trace.passage..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "com.hazelcast..", "org.springframework..",
                    "java.sql..", "javax.sql..", "jakarta..", "com.fasterxml.jackson..")
            .because("identity and passage are a framework-free domain core with plain records (STYLE.md item 2)");

    @ArchTest
    static void classesAreImported(JavaClasses classes) {
        Set<String> packages = classes.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        assertThat(packages).as("packages the rules above look at").contains(ROOT + "identity", ROOT + "passage", ROOT + "pipeline",
                ROOT + "pipeline.cluster", ROOT + "pipeline.filter");
        assertThat(classes.that(DescribedPredicate.describe("ClusterSmoothing", c -> c.getSimpleName().equals("ClusterSmoothing"))))
                .as("a main class of the module").isNotEmpty();
    }

    @ArchTest
    static void slicesSeparateThePipelineFromItsSubPackages(JavaClasses classes) {
        Map<String, Set<String>> slices = new HashMap<>();
        for (Slice slice : Slices.assignedFrom(PACKAGES).transform(classes)) {
            slices.put(slice.getNamePart(1), slice.stream().map(JavaClass::getPackageName).collect(Collectors.toSet()));
        }
        assertThat(slices).as("slice -> packages of its classes").containsEntry("pipeline", Set.of(ROOT + "pipeline"))
                .containsEntry("pipeline.cluster", Set.of(ROOT + "pipeline.cluster"))
                .containsEntry("pipeline.filter", Set.of(ROOT + "pipeline.filter"))
                .containsEntry("identity", Set.of(ROOT + "identity")).containsEntry("passage", Set.of(ROOT + "passage"));
    }
}
