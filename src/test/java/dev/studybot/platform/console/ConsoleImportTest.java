package dev.studybot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.support.TestBot;
import dev.studybot.wiring.Wiring;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Questions from chat in the terminal: a list imported by its path, and the suggestion form field by field. */
class ConsoleImportTest {
    @TempDir
    Path dir;

    private String run(String... lines) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Wiring.Options options = Wiring.Options.of(TestBot.config(Map.of()), Clock.systemUTC())
                .withPaths(dir.resolve("console.db"), TestBot.TEST_BANK);
        try (Wiring wiring = new Wiring(options)) {
            ConsoleAdapter console = new ConsoleAdapter(out);
            console.bind(wiring.bot());
            wiring.register(console);
            wiring.start();
            console.run(new StringReader(String.join("\n", lines)));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aListIsImportedByItsPathAndConfirmed() throws Exception {
        Path list = Files.copy(Path.of("src/test/resources/import/chat/team-list.md"), dir.resolve("team-list.md"));
        String text = run("/study bank import", "/study bank import " + dir.resolve("missing.md"),
                "/study bank import " + list + " practice", "/study bank import confirm", "/study question gradient-clipping-needed");
        assertThat(text).contains("in the console give its path");
        assertThat(text).contains("No file " + dir.resolve("missing.md") + " to import.");
        assertThat(text).contains("[only admin sees this] Import of team-list.md: 5 questions", "team-list.md:14: ");
        assertThat(text).contains("Stored 2 questions in deck practice");
        assertThat(text).contains("What is gradient clipping, and when is it needed?");
    }

    @Test
    void theSuggestionFormAsksFieldByField() throws Exception {
        String text = run("/as bob", "/study suggest", "What is label smoothing?", "", "", "Regularization", "basic",
                "/as admin", "/study suggestions");
        assertThat(text).contains("Suggest a question — Question:", "Suggest a question — Model answer (optional):",
                "Suggest a question — Level (basic, intermediate or advanced):");
        assertThat(text).contains("[only bob sees this] Thank you! Your suggestion is #1");
        assertThat(text).contains("#1 What is label smoothing?", "Regularization · basic · by bob", "No answer given");
    }
}
