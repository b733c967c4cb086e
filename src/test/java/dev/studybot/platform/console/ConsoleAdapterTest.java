package dev.studybot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.support.TestBot;
import dev.studybot.wiring.Wiring;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console adapter over the real wiring: users, channels, private replies, end of input. */
class ConsoleAdapterTest {
    @TempDir
    Path dir;

    /** The terminal's output for these lines, typed into the console over the real wiring (files under {@code dir/data}). */
    private String typed(String... lines) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Wiring.Options options = Wiring.Options.of(TestBot.config(Map.of()), Clock.systemUTC())
                .withPaths(dir.resolve("console.db"), TestBot.TEST_BANK);
        try (Wiring wiring = new Wiring(options)) {
            ConsoleAdapter console = new ConsoleAdapter(out, dir.resolve("data").resolve("charts"));
            console.bind(wiring.bot());
            wiring.register(console);
            wiring.start();
            console.run(new StringReader(String.join("\n", lines)));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theQuestionFormIsAskedFieldByFieldItsProblemsAskAgainAndAnExportIsWrittenToAFile() throws Exception {
        String text = typed(
                    "/study question add",
                    "Why do we review model changes before they ship?",
                    "A second engineer catches data leakage",
                    "  and silent metric regressions before users see them.",
                    ".",
                    "A reviewer catches leaked test data. | gradient clipping",
                    ".",
                    "Team Practices",
                    "level: basic",
                    "id: team-review",
                    ".",
                    // the claim is not in the answer: only the claims are asked again
                    "A reviewer catches leaked test data. | data leakage",
                    ".",
                    "/study question team-review",
                    "/study question edit team-review",
                    "",
                    ".",
                    ".",
                    "/cancel",
                    "/study bank export team",
                    "/as bob",
                    "/study question add");
        assertThat(text).contains("New question · team").contains("Question (one line; /cancel closes the form):");
        assertThat(text).contains("The question was not saved").contains("does not occur in the answer");
        assertThat(text).contains("Added the question team-review to the deck team");
        assertThat(text).contains("Now: Why do we review model changes before they ship?");
        assertThat(text).contains("Form closed; nothing was saved.");
        java.nio.file.Path exported = dir.resolve("data").resolve("exports").resolve("team.yaml").toAbsolutePath();
        assertThat(text).contains("[file " + exported + "]");
        String yaml = java.nio.file.Files.readString(exported);
        assertThat(new dev.studybot.bank.BankCodec(new dev.studybot.analysis.LuceneTextAnalysis()).decode("team.yaml", yaml).problems()).isEmpty();
        assertThat(yaml).contains("  and silent metric regressions");
        assertThat(text).contains("[only bob sees this] ⚠ Only admins can do that");
    }

    @Test
    void aConversationInTheTerminal() throws Exception {
        String text = typed(
                    "/in ml-study",
                    "/study post",
                    "/as bob",
                    "/study post",
                    "/study answer the chain rule gives gradients",
                    "/study team create Backprop Crew",
                    "/as carol admin",
                    "/study schedule set weekdays 09:30 Europe/Berlin",
                    "/wat",
                    "hello");
        assertThat(text).contains("admin@#general> Now in #ml-study.");
        assertThat(text).contains("[#ml-study] Question of the day");
        assertThat(text).contains("You are now bob.");
        assertThat(text).contains("[only bob sees this] ⚠ Only admins can do that");
        assertThat(text).contains("[only bob sees this] You covered");
        assertThat(text).contains("bob created team Backprop Crew and joined it.");
        assertThat(text).contains("You are now carol (admin).");
        assertThat(text).contains("Daily question: weekdays 09:30 (Europe/Berlin)");
        assertThat(text).contains("Unknown console command '/wat'");
        assertThat(text).contains("Commands start with /study");
        assertThat(text).endsWith("carol@#ml-study> \n");
    }

    @Test
    void chartsAreWrittenBesideTheDatabaseAndNamedWithTheirAltText() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Path charts = dir.resolve("charts");
        Wiring.Options options = Wiring.Options.of(TestBot.config(Map.of()), Clock.systemUTC())
                .withPaths(dir.resolve("console.db"), TestBot.TEST_BANK);
        try (Wiring wiring = new Wiring(options)) {
            ConsoleAdapter console = new ConsoleAdapter(out, charts);
            console.bind(wiring.bot());
            wiring.register(console);
            wiring.start();
            console.run(new StringReader(String.join("\n",
                    "/study post",
                    "/as bob",
                    "/study answer the chain rule gives gradients",
                    "/study stats",
                    "/as admin admin",
                    "/study post")));
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        java.util.regex.Matcher progress = java.util.regex.Pattern.compile("\\[chart (\\S+progress-bob-\\S+\\.png)\\] bob's progress, 1 week from ")
                .matcher(text);
        assertThat(progress.find()).as(text).isTrue();
        java.util.regex.Matcher week = java.util.regex.Pattern.compile("\\[chart (\\S+leaderboard-week-\\S+\\.png)\\] Leaderboard, week of \\d+ \\w+: bob ")
                .matcher(text);
        assertThat(week.find()).as(text).isTrue();
        for (String file : List.of(progress.group(1), week.group(1))) {
            assertThat(Path.of(file).getParent()).isEqualTo(charts.toAbsolutePath());
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(Path.of(file).toFile());
            assertThat(image.getWidth()).isGreaterThan(600);
        }
    }
}
