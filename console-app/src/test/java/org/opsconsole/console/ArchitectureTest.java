package org.opsconsole.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's shape: layers {@code cli -> ui -> session -> capabilities -> api} (a layer uses only
 * those below it), no package cycles, JavaFX only in {@code ui}, the services only over HTTP. The
 * layer and cycle rules are also run on a small fixture package that breaks them, so they are seen
 * to catch what they forbid.
 */
@AnalyzeClasses(packages = "org.opsconsole.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layers("org.opsconsole.console");

    @ArchTest
    static final ArchRule noPackageCycles = noCycles("org.opsconsole.console");

    @ArchTest
    static final ArchRule javaFxOnlyInUi = noClasses()
            .that().resideOutsideOfPackage("org.opsconsole.console.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..", "atlantafx..")
            .because("views live in console.ui; everything else must run and be tested without a toolkit");

    @ArchTest
    static final ArchRule consoleTalksToServicesOnlyThroughTheEmbeddingApi = noClasses()
            .that().resideInAnyPackage("..console.metrics..", "..console.events..", "..console.logs..", "..console.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.opsconsole.service.user..", "org.opsconsole.service.order..")
            .because("screens watch services over HTTP, so the same code can watch a service elsewhere");

    @ArchTest
    static final ArchRule viewModelsHoldNoHttpClient = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..")
            .because("the session owns every HTTP client (with the services' tokens); a model gets typed APIs from it");

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().areAssignableTo("javafx.scene.Node")
            .because("a model holds data and commands; the screen builds its nodes and charts and hands the model a feed");

    @ArchTest
    static final ArchRule loadLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Capacity").definedBy("..console.load.capacity..")
            .layer("Engine").definedBy("..console.load.engine..")
            .layer("Workload").definedBy("..console.load.workload..")
            .layer("Transport").definedBy("..console.load.transport..")
            .layer("Report").definedBy("..console.load.report..")
            .whereLayer("Capacity").mayNotBeAccessedByAnyLayer()
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Capacity")
            .whereLayer("Workload").mayOnlyBeAccessedByLayers("Capacity", "Engine")
            .whereLayer("Transport").mayOnlyBeAccessedByLayers("Engine", "Workload")
            .whereLayer("Report").mayOnlyBeAccessedByLayers("Capacity", "Engine", "Workload")
            .because("a capacity search runs the engine step by step; the engine runs a workload over a transport and "
                    + "leaves a report; a report or a client knows no run");

    /** The layers under {@code root}: its own package (the launcher) on top, then cli, ui, session, the capabilities, api. */
    static ArchRule layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("Launcher").definedBy(root)
                .layer("Cli").definedBy(root + ".cli..")
                .layer("Ui").definedBy(root + ".ui..")
                .layer("Session").definedBy(root + ".session..")
                .layer("Capabilities").definedBy(root + ".supervisor..", root + ".metrics..", root + ".load..",
                        root + ".logs..", root + ".events..", root + ".history..")
                .layer("Api").definedBy(root + ".api..")
                .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Session").mayOnlyBeAccessedByLayers("Cli", "Ui")
                .whereLayer("Capabilities").mayOnlyBeAccessedByLayers("Session", "Ui", "Cli")
                .whereLayer("Api").mayOnlyBeAccessedByLayers("Capabilities", "Session", "Ui", "Cli");
    }

    /** Every package under {@code root} is a slice, and no two depend on each other, however indirectly. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    @Test
    void theRulesCatchWhatTheyForbid() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.opsconsole.archfixture");

        EvaluationResult cycles = noCycles("org.opsconsole.archfixture").evaluate(fixture);
        assertThat(cycles.hasViolation()).isTrue();
        assertThat(cycles.getFailureReport().toString()).contains("cycle.a", "cycle.b");

        EvaluationResult upward = layers("org.opsconsole.archfixture.layers").evaluate(fixture);
        assertThat(upward.hasViolation()).isTrue();
        assertThat(upward.getFailureReport().toString()).contains("View", "Command");
    }
}
