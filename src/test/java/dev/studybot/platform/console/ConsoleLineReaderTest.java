package dev.studybot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/**
 * The console over a JLine terminal (an xterm driven through pipes): a post that arrives while a
 * line is being typed goes above the prompt and the line is redrawn; arrow keys edit and recall.
 */
class ConsoleLineReaderTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String LEFT = "\u001bOD";
    private static final String UP = "\u001bOA";

    @Test
    void aPostArrivingWhileALineIsTypedIsPrintedAboveThePromptAndTheLineIsRedrawn() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 4096);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new ExternalTerminal("test", "xterm-256color", in, screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(120, 40));
            ConsoleAdapter console = new ConsoleAdapter(new PrintStream(OutputStream.nullOutputStream()));
            CompletableFuture<Void> finished = CompletableFuture.runAsync(() -> console.run(ConsoleModule.lineReader(terminal)));
            await().atMost(DEADLINE).untilAsserted(() -> seen(screen).containsExactly("admin@#general> "));

            type(keys, "/in ml-study\n");
            await().atMost(DEADLINE).untilAsserted(() -> seen(screen).endsWith("Now in #ml-study.", "admin@#ml-study> "));

            type(keys, "/as bb" + LEFT + "o");
            await().atMost(DEADLINE).untilAsserted(() -> seen(screen).endsWith("admin@#ml-study> /as bob"));
            console.post(new ChannelRef(ConsoleAdapter.NAME, ConsoleAdapter.WORKSPACE, "ml-study"), Optional.empty(),
                    new Reply.Notice("The daily question is up."));
            await().atMost(DEADLINE).untilAsserted(() -> seen(screen)
                    .endsWith("Now in #ml-study.", "[#ml-study] The daily question is up.", "admin@#ml-study> /as bob"));

            type(keys, "\n" + UP + UP + "\n");
            await().atMost(DEADLINE).untilAsserted(() -> seen(screen).endsWith("Now in #ml-study.", "bob@#ml-study> "));
            keys.close();
            finished.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        seen(screen).containsExactly(
                "admin@#general> /in ml-study",
                "Now in #ml-study.",
                "[#ml-study] The daily question is up.",
                "admin@#ml-study> /as bob",
                "You are now bob.",
                "bob@#ml-study> /in ml-study",
                "Now in #ml-study.",
                "bob@#ml-study> ",
                "");
    }

    private static org.assertj.core.api.ListAssert<String> seen(ByteArrayOutputStream screen) {
        return assertThat(lines(screen)).as(() -> "the screen, as written: "
                + screen.toString(StandardCharsets.UTF_8).replace("\u001b", "ESC").replace("\r", "\\r").replace("\b", "\\b"));
    }

    private static void type(OutputStream keys, String text) throws Exception {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /**
     * What a person reads on the screen: carriage return goes back to the start of the line,
     * backspace and {@code ESC [ n D} / {@code ESC [ n C} move the cursor, {@code ESC [ K} erases to
     * the end of the line, {@code ESC [ n @} inserts blanks, characters overwrite; other escape sequences change nothing that shows.
     */
    private static List<String> lines(ByteArrayOutputStream screen) {
        String raw = screen.toString(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int column = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u001b') {
                int end = i + 1;
                if (end < raw.length() && raw.charAt(end) == '[') {
                    end++;
                    while (end < raw.length() && (Character.isDigit(raw.charAt(end)) || ";?".indexOf(raw.charAt(end)) >= 0)) {
                        end++;
                    }
                    String count = raw.substring(i + 2, Math.min(end, raw.length()));
                    int n = count.matches("\\d+") ? Integer.parseInt(count) : 1;
                    char command = end < raw.length() ? raw.charAt(end) : ' ';
                    if (command == 'K') {
                        line.setLength(Math.min(column, line.length()));
                    } else if (command == 'D') {
                        column = Math.max(0, column - n);
                    } else if (command == 'C') {
                        column += n;
                    } else if (command == '@' && column <= line.length()) {
                        line.insert(column, " ".repeat(n));
                    }
                }
                i = end;
            } else if (c == '\b') {
                column = Math.max(0, column - 1);
            } else if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                column = 0;
            } else {
                if (column < line.length()) {
                    line.setCharAt(column, c);
                } else {
                    line.append(c);
                }
                column++;
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
