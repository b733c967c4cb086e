package dev.studybot.port.platform;

import dev.studybot.port.out.ChatPlatform;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** A started platform: where the core posts, when it ends by itself, and how it stops. */
public interface Running extends AutoCloseable {

    /** Where the core posts and tells for this platform. */
    ChatPlatform platform();

    /** Completes when the platform ended by itself (the console at end of input); never, for a networked one. */
    default CompletableFuture<Void> finished() {
        return new CompletableFuture<>();
    }

    /**
     * Whether the platform is connected now and can take commands (the operations endpoint's
     * readiness); a platform with nothing to lose, such as the console, always is.
     */
    default boolean connected() {
        return true;
    }

    /** Stops taking commands, lets those in progress answer, and disconnects. */
    @Override
    void close();

    /** A networked platform: it posts through {@code platform} and stops with {@code stop}. */
    static Running of(ChatPlatform platform, Runnable stop) {
        return of(platform, stop, () -> true);
    }

    /** A networked platform that says whether it is connected through {@code connected}. */
    static Running of(ChatPlatform platform, Runnable stop, BooleanSupplier connected) {
        return new Running() {
            @Override
            public ChatPlatform platform() {
                return platform;
            }

            @Override
            public boolean connected() {
                return connected.getAsBoolean();
            }

            @Override
            public void close() {
                stop.run();
            }
        };
    }
}
