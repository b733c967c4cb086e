package dev.studybot.platform.console;

import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.platform.PlatformContext;
import dev.studybot.port.platform.PlatformModule;
import dev.studybot.port.platform.Running;
import dev.studybot.port.platform.Secrets;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The terminal as a plug-in: on {@code auto} it starts when no networked platform does, and end of
 * input stops the bot. In an interactive terminal it reads through JLine; when standard input or
 * output is redirected (a pipe, a file, CI) it reads plain lines from {@link System#in}.
 */
public final class ConsoleModule implements PlatformModule<ConsoleConfig> {

    @Override
    public String name() {
        return ConsoleAdapter.NAME;
    }

    @Override
    public Class<ConsoleConfig> configType() {
        return ConsoleConfig.class;
    }

    @Override
    public List<String> secretNames() {
        return List.of();
    }

    @Override
    public boolean hasCredentials(Secrets secrets) {
        return true;
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public Running start(ConsoleConfig config, PlatformContext context) {
        ConsoleAdapter adapter = new ConsoleAdapter(System.out, context.files());
        adapter.bind(context.commands());
        CompletableFuture<Void> finished = new CompletableFuture<>();
        Terminal terminal = interactive() ? systemTerminal() : null;
        Thread reader = Thread.ofPlatform().name("studybot-console").daemon(true).unstarted(() -> {
            try {
                if (terminal != null) {
                    adapter.run(lineReader(terminal));
                } else {
                    adapter.run(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                }
                finished.complete(null);
            } catch (IOException | RuntimeException e) {
                finished.completeExceptionally(e instanceof IOException io ? new UncheckedIOException(io) : e);
            }
        });
        reader.start();
        return new Running() {
            @Override
            public ChatPlatform platform() {
                return adapter;
            }

            @Override
            public CompletableFuture<Void> finished() {
                return finished;
            }

            @Override
            public void close() {
                // the reader is a daemon blocked on standard input; it ends with the process,
                // but the terminal gets its settings back (echo, line mode) now
                if (terminal != null) {
                    try {
                        terminal.close();
                    } catch (IOException e) {
                        // the process is ending; nothing more to restore
                    }
                }
            }
        };
    }

    /** The line reader over a terminal: history in memory, the prompt redrawn under what is printed above it. */
    static LineReader lineReader(Terminal terminal) {
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("studybot")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .build();
    }

    private static Terminal systemTerminal() {
        try {
            return TerminalBuilder.builder()
                    .name("studybot")
                    .system(true)
                    .systemOutput(TerminalBuilder.SystemOutput.SysOut)
                    .encoding(StandardCharsets.UTF_8)
                    .dumb(true)
                    .build();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether standard input and output are both a terminal. On Java 22 and later
     * {@link System#console()} is there even when they are redirected, and {@code isTerminal()}
     * tells; on Java 21 it is there only for a terminal.
     */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }
}
