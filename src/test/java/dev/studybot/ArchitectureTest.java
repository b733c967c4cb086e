package dev.studybot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layers of STYLE.md: core and port see only java.*; the outer parts depend inward, never on each other. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.studybot");

    @Test
    void coreAndPortsUseOnlyTheJdkAndEachOther() {
        noClasses().that().resideInAnyPackage("dev.studybot.core..", "dev.studybot.port..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.studybot.core..", "dev.studybot.port..")
                .check(CLASSES);
    }

    @Test
    void outerPartsDoNotDependOnEachOther() {
        String[] outer = {"store", "schedule", "bank", "platform.console", "platform.discord", "platform.slack"};
        for (String from : outer) {
            for (String to : outer) {
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
    void onlyTheWiringAndTheCommandLineSeeTheOuterParts() {
        noClasses().that().resideInAnyPackage("dev.studybot.store..", "dev.studybot.schedule..", "dev.studybot.bank..",
                        "dev.studybot.platform..", "dev.studybot.config..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.studybot.wiring..", "dev.studybot.cli..")
                .check(CLASSES);
    }

    @Test
    void noPlatformTypeCrossesIntoTheCore() {
        noClasses().that().resideInAnyPackage("dev.studybot.core..", "dev.studybot.port..", "dev.studybot.store..",
                        "dev.studybot.schedule..", "dev.studybot.bank..")
                .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "com.slack..")
                .check(CLASSES);
    }
}
