package dev.studybot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule, from the bottom up: domain (records, sealed types and the words), ports
 * (inbound, outbound, the platform plug-in contract), the application services, the adapters
 * (bank, store, schedule, grading, search, charts, ops, platforms, with the text analysis grading and search
 * share) and config, then wiring and the command line.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.studybot");
    private static final List<String> ADAPTERS = List.of("bank", "store", "schedule", "grading", "search", "chart", "ops", "platform");

    @Test
    void layersDependInwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy("dev.studybot.domain..")
                .layer("Ports").definedBy("dev.studybot.port..")
                .layer("App").definedBy("dev.studybot.app..")
                .layer("Adapters").definedBy("dev.studybot.bank..", "dev.studybot.store..", "dev.studybot.schedule..", "dev.studybot.grading..",
                        "dev.studybot.search..", "dev.studybot.analysis..", "dev.studybot.chart..", "dev.studybot.ops..", "dev.studybot.platform..")
                .layer("Config").definedBy("dev.studybot.config..")
                .layer("Wiring").definedBy("dev.studybot.wiring..")
                .layer("Cli").definedBy("dev.studybot.cli..", "dev.studybot")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("Wiring").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Wiring", "Cli")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Wiring", "Cli")
                .whereLayer("App").mayOnlyBeAccessedByLayers("Wiring", "Cli")
                .whereLayer("Ports").mayOnlyBeAccessedByLayers("App", "Adapters", "Config", "Wiring", "Cli")
                .check(CLASSES);
    }

    @Test
    void domainAndPortsUseOnlyTheJdk() {
        classes().that().resideInAnyPackage("dev.studybot.domain..", "dev.studybot.port..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.studybot.domain..", "dev.studybot.port..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.studybot.domain..")
                .should().dependOnClassesThat().resideInAPackage("dev.studybot.port..")
                .check(CLASSES);
    }

    @Test
    void theApplicationUsesOnlyTheJdkPortsAndDomain() {
        classes().that().resideInAPackage("dev.studybot.app..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.studybot.domain..", "dev.studybot.port..", "dev.studybot.app..")
                .check(CLASSES);
    }

    @Test
    void slicesAreFreeOfCycles() {
        slices().matching("dev.studybot.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theSharedAnalysisServesGradingAndSearchOnly() {
        classes().that().resideInAPackage("dev.studybot.analysis..")
                .should().onlyBeAccessed().byClassesThat().resideInAnyPackage("dev.studybot.analysis..", "dev.studybot.grading..",
                        "dev.studybot.search..", "dev.studybot.wiring..", "dev.studybot.cli..")
                .check(CLASSES);
        classes().that().resideInAPackage("dev.studybot.analysis..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apache.lucene..", "dev.studybot.analysis..",
                        "dev.studybot.port..", "dev.studybot.domain..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        for (String from : ADAPTERS) {
            for (String to : ADAPTERS) {
                if (!from.equals(to)) {
                    noClasses().that().resideInAPackage("dev.studybot." + from + "..")
                            .should().dependOnClassesThat().resideInAPackage("dev.studybot." + to + "..")
                            .allowEmptyShould(true)
                            .check(CLASSES);
                }
            }
        }
    }

    @Test
    void platformsSeeOnlyPortsAndDomainOfStudybotAndNotEachOther() {
        noClasses().that().resideInAPackage("dev.studybot.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.studybot.app..", "dev.studybot.bank..", "dev.studybot.store..",
                        "dev.studybot.schedule..", "dev.studybot.grading..", "dev.studybot.chart..", "dev.studybot.ops..", "dev.studybot.config..", "dev.studybot.wiring..",
                        "dev.studybot.cli..")
                .check(CLASSES);
        slices().matching("dev.studybot.platform.(*)..").should().notDependOnEachOther().check(CLASSES);
    }

    @Test
    void onlyTheChartAdapterDraws() {
        noClasses().that().resideOutsideOfPackages("dev.studybot.chart..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jfree..")
                .check(CLASSES);
    }

    @Test
    void noPlatformTypeCrossesIntoTheRest() {
        noClasses().that().resideOutsideOfPackages("dev.studybot.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "com.slack..")
                .check(CLASSES);
    }
}
