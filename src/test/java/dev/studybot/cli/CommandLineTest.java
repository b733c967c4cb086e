package dev.studybot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The jar's command line: run in the console to end of input, validate, and one-line errors. */
class CommandLineTest {
    @TempDir
    Path dir;
    private final InputStream stdin = System.in;
    private final PrintStream stdout = System.out;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setIn(stdin);
        System.setOut(stdout);
    }

    @Test
    void runStartsTheConsoleOnTheGivenFilesAndExitsZeroAtEndOfInput() {
        System.setIn(new ByteArrayInputStream("/study topics\n".getBytes(StandardCharsets.UTF_8)));
        Path db = dir.resolve("cli.db");
        int status = StudybotCommand.execute("--db", db.toString(), "--questions", "src/test/resources/bank");
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("8 questions in 3 topics");
        assertThat(db).exists();
    }

    @Test
    void validateExitsNonZeroWithEveryProblem() throws Exception {
        Files.writeString(dir.resolve("t.yaml"), "topic: T\nquestions:\n  - id: a\n    question: Q?\n    level: hard\n");
        StringWriter text = new StringWriter();
        CommandLine cl = StudybotCommand.commandLine();
        cl.setOut(new PrintWriter(text));
        int status = cl.execute("validate", dir.toString());
        assertThat(status).isNotZero();
        assertThat(text.toString()).contains(dir.resolve("t.yaml") + ":3: question 'a' has unknown level 'hard'");
    }

    @Test
    void aBadConfigFailsWithOneLineNamingTheProblem() throws Exception {
        Path config = dir.resolve("studybot.yaml");
        Files.writeString(config, "timezone: UTC\n");
        StringWriter err = new StringWriter();
        CommandLine cl = StudybotCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("run", "--config", config.toString());
        assertThat(status).isNotZero();
        assertThat(err.toString().strip()).isEqualTo("studybot: schedule: missing");
    }
}
