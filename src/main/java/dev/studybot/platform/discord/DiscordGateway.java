package dev.studybot.platform.discord;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * JDA's session controller, with two things added. It points the gateway connection at a
 * configured URL (JDA asks for it on the first connection and again after a failed reconnect, so
 * the URL is kept here). And it notices when the first connection cannot be made at all: JDA's
 * queue would try again at once, forever, and the start would hang; after {@link #ATTEMPTS}
 * failed attempts {@link #unreachable} completes and the adapter stops with the gateway named.
 */
final class DiscordGateway extends SessionControllerAdapter {
    static final int ATTEMPTS = 3;

    private final Optional<String> url;
    private final CompletableFuture<Void> unreachable = new CompletableFuture<>();
    private final AtomicInteger failures = new AtomicInteger();

    DiscordGateway(Optional<String> url) {
        this.url = url;
    }

    @Override
    public String getGateway() {
        return url.orElseGet(super::getGateway);
    }

    /** Completes when the first connection failed {@link #ATTEMPTS} times in a row. */
    CompletableFuture<Void> unreachable() {
        return unreachable;
    }

    @Override
    public void appendSession(SessionConnectNode node) {
        super.appendSession(node.isReconnect() || node instanceof Counted ? node : new Counted(node));
    }

    /** A first connection whose failures are counted. */
    private final class Counted implements SessionConnectNode {
        private final SessionConnectNode node;

        Counted(SessionConnectNode node) {
            this.node = node;
        }

        @Override
        public boolean isReconnect() {
            return node.isReconnect();
        }

        @Override
        public JDA getJDA() {
            return node.getJDA();
        }

        @Override
        public JDA.ShardInfo getShardInfo() {
            return node.getShardInfo();
        }

        @Override
        public void run(boolean isLast) throws InterruptedException {
            try {
                node.run(isLast);
                failures.set(0);
            } catch (IllegalStateException e) {
                if (failures.incrementAndGet() >= ATTEMPTS) {
                    // no more attempts from the queue: the adapter stops JDA and says why
                    unreachable.complete(null);
                    return;
                }
                throw e;
            }
        }
    }
}
