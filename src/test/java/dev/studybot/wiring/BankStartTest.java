package dev.studybot.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybot.bank.BankReader;
import dev.studybot.bank.LoadedBank;
import dev.studybot.support.TestBot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bank built into the jar is the default; a configured folder that is missing or empty stops the start with its path. */
class BankStartTest {
    @TempDir
    Path dir;

    @Test
    void theBuiltInBankIsTheShippedOne() {
        LoadedBank builtIn = new BankReader().readBuiltIn();
        assertThat(builtIn.problems()).isEmpty();
        assertThat(builtIn.questions()).hasSameSizeAs(new BankReader().readFolder(Path.of("questions")).questions());
        assertThat(builtIn.synonyms()).isNotEmpty();
        assertThat(builtIn.knownTopics()).isPresent();
    }

    @Test
    void withNoFolderConfiguredTheBuiltInBankLoads() {
        Wiring.Options options = Wiring.Options.of(TestBot.config(Map.of("STUDYBOT_BANK_PATH", "")), Clock.systemUTC())
                .withPaths(dir.resolve("a.db"), null);
        try (Wiring wiring = new Wiring(options)) {
            assertThat(wiring.bank().all()).hasSizeGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void aMissingOrEmptyFolderStopsTheStartWithItsPath() throws Exception {
        Path missing = dir.resolve("no-such-folder");
        assertThatThrownBy(() -> new Wiring(Wiring.Options.of(TestBot.config(Map.of()), Clock.systemUTC()).withPaths(dir.resolve("b.db"), missing)))
                .hasMessageContaining(missing.toAbsolutePath().toString()).hasMessageContaining("is not a folder");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> new Wiring(Wiring.Options.of(TestBot.config(Map.of()), Clock.systemUTC()).withPaths(dir.resolve("c.db"), empty)))
                .hasMessageContaining(empty.toAbsolutePath().toString()).hasMessageContaining("holds no questions");
    }
}
