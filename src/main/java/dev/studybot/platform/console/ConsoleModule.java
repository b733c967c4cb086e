package dev.studybot.platform.console;

import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.platform.PlatformContext;
import dev.studybot.port.platform.PlatformModule;
import dev.studybot.port.platform.Running;
import dev.studybot.port.platform.Secrets;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The terminal as a plug-in: on {@code auto} it starts when no networked platform does, and end of input stops the bot. */
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
        ConsoleAdapter adapter = new ConsoleAdapter(System.out);
        adapter.bind(context.commands());
        CompletableFuture<Void> finished = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().name("studybot-console").daemon(true).unstarted(() -> {
            try {
                adapter.run(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                finished.complete(null);
            } catch (IOException e) {
                finished.completeExceptionally(new UncheckedIOException(e));
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
                // the reader is a daemon blocked on standard input; it ends with the process
            }
        };
    }
}
