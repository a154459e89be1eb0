package org.opsconsole.console;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Only console.ui touches JavaFX (and the JavaFX libraries); the rest stays plain Java. */
@AnalyzeClasses(packages = "org.opsconsole.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule javaFxOnlyInUi = noClasses()
            .that().resideOutsideOfPackage("org.opsconsole.console.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..", "atlantafx..")
            .because("views live in console.ui; everything else must run and be tested without a toolkit");

    @ArchTest
    static final ArchRule capabilitiesDoNotDependOnViews = noClasses()
            .that().resideInAnyPackage("..console.supervisor..", "..console.metrics..", "..console.logs..",
                    "..console.events..", "..console.api..", "..console.history..")
            .should().dependOnClassesThat().resideInAPackage("..console.ui..");

    @ArchTest
    static final ArchRule consoleTalksToServicesOnlyThroughTheEmbeddingApi = noClasses()
            .that().resideInAnyPackage("..console.metrics..", "..console.events..", "..console.logs..", "..console.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.opsconsole.service.user..", "org.opsconsole.service.order..")
            .because("screens watch services over HTTP, so the same code can watch a service elsewhere");
}
