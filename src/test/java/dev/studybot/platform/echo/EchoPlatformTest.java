package dev.studybot.platform.echo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.studybot.config.ConfigLoader;
import dev.studybot.domain.ChannelRef;
import dev.studybot.port.platform.PlatformModule;
import dev.studybot.port.platform.Running;
import dev.studybot.port.platform.Secrets;
import dev.studybot.support.TestBot;
import dev.studybot.wiring.PlatformChoice;
import dev.studybot.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fourth platform plugs in with nothing but its own package and its services line: it is found,
 * chosen by its token, configured, started by the production wiring, and it talks to the core.
 */
class EchoPlatformTest {
    @TempDir
    Path dir;

    @Test
    void aNewPlatformIsFoundChosenByItsTokenAndStarted() throws Exception {
        List<PlatformModule<?>> modules = PlatformModule.installed();
        assertThat(modules).extracting(PlatformModule::name).contains("console", "discord", "slack", "echo");

        Secrets secrets = PlatformChoice.secrets(modules, Map.of(EchoModule.TOKEN, "e-123"));
        List<PlatformModule<?>> chosen = PlatformChoice.choose(modules, Map.of(), secrets);
        assertThat(chosen).extracting(PlatformModule::name).as("the console stays off when a networked platform starts").containsExactly("echo");

        ConfigLoader.Loaded loaded = new ConfigLoader().load(Path.of("config/studybot.yaml"), Map.of(
                "STUDYBOT_DATABASE_PATH", dir.resolve("echo.db").toString(), "STUDYBOT_BANK_PATH", TestBot.TEST_BANK.toString()));
        EchoModule echo = (EchoModule) chosen.get(0);
        try (Wiring wiring = new Wiring(Wiring.Options.of(loaded.config(), Clock.systemUTC()))) {
            Running running = wiring.startPlatform(echo, loaded.section(echo), secrets, UnaryOperator.identity());
            wiring.start();
            EchoPlatform platform = (EchoPlatform) running.platform();

            assertThat(platform.say("general", "ada", false, "/study help")).startsWith("(to ada)").contains("/study today");
            assertThat(platform.say("general", "ada", false, "/study post")).contains("Only admins");
            assertThat(platform.say("general", "max", true, "/study post")).contains("Posted the next question");
            assertThat(platform.posted()).singleElement().asString().startsWith("#general (ref:general): ").contains("Question of the day");
            assertThat(platform.say("general", "ada", false, "/study leaderboard")).doesNotStartWith("(to").contains("Leaderboard");

            // a schedule keeps the platform's opaque address, and the scheduled post is handed it back
            assertThat(platform.say("daily", "max", true, "/study schedule set daily 09:00 UTC")).contains("Daily question");
            wiring.scheduler().fire(new ChannelRef(EchoPlatform.NAME, "echo-space", "daily"), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            await().atMost(Duration.ofSeconds(15)).until(() -> platform.posted().size() == 2);
            assertThat(platform.posted().get(1)).startsWith("#daily (ref:daily): ");
        }
    }

    @Test
    void theSketchUsesOnlyPortsAndDomain() {
        classes().that().resideInAPackage("dev.studybot.platform.echo")
                .and().haveSimpleNameNotEndingWith("Test")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.studybot.domain..", "dev.studybot.port..",
                        "dev.studybot.platform.echo")
                .check(new ClassFileImporter().importPackages("dev.studybot.platform.echo"));
    }
}
