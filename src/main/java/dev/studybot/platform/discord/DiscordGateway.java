package dev.studybot.platform.discord;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import dev.studybot.port.platform.Cluster;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDA's session controller for every shard of a node: it decides when each shard may identify.
 * Discord lets a bot start {@code max_concurrency} sessions in each identify window (5 s), one for
 * each rate-limit key {@code shard_id % max_concurrency}; this controller keeps one queue and
 * starts a shard only when its key has had no identify for a window, so 4 shards at concurrency 1
 * identify 5 s apart and 16 at concurrency 16 all at once. Discord counts identifies per bot, not
 * per process, so on several nodes a key is also taken in the database: the lease
 * {@code discord-identify-K}, held from before the identify until a window after its session
 * started; a node whose key another node holds waits. The window is a setting so that tests
 * against an emulator need not wait 5 s.
 *
 * <p>It also points the gateway connection at a configured URL (JDA asks for it on the first
 * connection, in {@code /gateway/bot}, and again after a failed reconnect), and notices when a
 * shard's first connection cannot be made at all: JDA would queue it again forever and the start
 * would hang; after {@link #ATTEMPTS} failed attempts {@link #unreachable} completes and the
 * adapter stops with the gateway named.
 */
final class DiscordGateway extends SessionControllerAdapter {
    static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(DiscordGateway.class);

    private final Optional<String> url;
    private final long windowNanos;
    private final Duration window;
    private final Cluster.Leases keys;
    private final Map<Integer, CompletableFuture<Void>> unreachable = new HashMap<>();
    private final ReentrantLock guard = new ReentrantLock();
    private final Condition changed = guard.newCondition();
    private final Deque<SessionConnectNode> waiting = new ArrayDeque<>();
    private final Map<Integer, Long> lastIdentify = new HashMap<>();
    private final Map<Integer, Integer> failures = new HashMap<>();
    private int concurrency = 1;
    private Thread worker;

    DiscordGateway(Optional<String> url, Duration window, Cluster.Leases keys) {
        this.url = url;
        this.window = window;
        this.windowNanos = window.toNanos();
        this.keys = keys;
    }

    /** The database's lease on an identify key: another node identifying with it makes this node wait. */
    static String keyLease(int key) {
        return "discord-identify-" + key;
    }

    /** Takes or renews the key for a window from now; on a database failure identifies anyway (Discord's op 9 is the worst case). */
    private boolean holdKey(int key) {
        try {
            return keys.hold(keyLease(key), window);
        } catch (RuntimeException e) {
            LOG.warn("Cannot take the Discord identify key {} in the database ({}); identifying without it", key, e.getMessage());
            return true;
        }
    }

    @Override
    public String getGateway() {
        return url.orElseGet(super::getGateway);
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway asked = super.getShardedGateway(api);
        return url.map(u -> new ShardedGateway(u, asked.getShardTotal(), asked.getConcurrency())).orElse(asked);
    }

    /** Completes when the first connection of one of {@code shards}, about to start, fails {@link #ATTEMPTS} times in a row. */
    CompletableFuture<Void> unreachable(Set<Integer> shards) {
        guard.lock();
        try {
            CompletableFuture<?>[] each = shards.stream().map(id -> {
                failures.remove(id);
                CompletableFuture<Void> f = new CompletableFuture<>();
                unreachable.put(id, f);
                return f;
            }).toArray(CompletableFuture[]::new);
            return CompletableFuture.anyOf(each).thenApply(x -> null);
        } finally {
            guard.unlock();
        }
    }

    @Override
    public void setConcurrency(int level) {
        guard.lock();
        try {
            concurrency = Math.max(1, level);
            changed.signalAll();
        } finally {
            guard.unlock();
        }
    }

    @Override
    public void appendSession(SessionConnectNode node) {
        guard.lock();
        try {
            waiting.remove(node);
            waiting.addLast(node);
            if (worker == null) {
                worker = Thread.ofPlatform().daemon().name("studybot-discord-identify").start(this::work);
            }
            changed.signalAll();
        } finally {
            guard.unlock();
        }
    }

    @Override
    public void removeSession(SessionConnectNode node) {
        guard.lock();
        try {
            waiting.remove(node);
        } finally {
            guard.unlock();
        }
    }

    /** Runs the queue: the first shard whose key is free identifies; with none free, waits for the earliest. */
    private void work() {
        while (true) {
            SessionConnectNode next;
            guard.lock();
            try {
                next = null;
                while (next == null) {
                    if (waiting.isEmpty()) {
                        worker = null;
                        return;
                    }
                    long now = System.nanoTime();
                    long earliest = Long.MAX_VALUE;
                    for (Iterator<SessionConnectNode> it = waiting.iterator(); it.hasNext(); ) {
                        SessionConnectNode node = it.next();
                        int key = node.getShardInfo().getShardId() % concurrency;
                        Long last = lastIdentify.get(key);
                        long free = last == null ? now : last + windowNanos;
                        if (free <= now && holdKey(key)) {
                            it.remove();
                            next = node;
                            break;
                        }
                        if (free <= now) {
                            // another node identifies with this key: look again in a tenth of a window
                            free = now + windowNanos / 10;
                        }
                        earliest = Math.min(earliest, free);
                    }
                    if (next == null) {
                        changed.awaitNanos(earliest - now);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker = null;
                return;
            } finally {
                guard.unlock();
            }
            run(next);
        }
    }

    /**
     * Connects one shard and waits for its session (never JDA's "last node" shortcut), so the
     * window of its key is counted from when the identify surely went out.
     */
    private void run(SessionConnectNode node) {
        int shard = node.getShardInfo().getShardId();
        try {
            node.run(false);
            if (!node.isReconnect()) {
                failed(shard, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            identified(shard);
            if (!node.isReconnect() && failed(shard, true) >= ATTEMPTS) {
                // no more attempts: the adapter stops JDA and says why
                LOG.debug("Shard {}: {} connection attempts failed", shard, ATTEMPTS);
                guard.lock();
                try {
                    unreachable.getOrDefault(shard, new CompletableFuture<>()).complete(null);
                } finally {
                    guard.unlock();
                }
                return;
            }
            LOG.warn("Discord shard {} could not connect ({}); trying again", shard, e.getMessage());
            appendSession(node);
            return;
        }
        identified(shard);
    }

    private void identified(int shard) {
        int key;
        guard.lock();
        try {
            key = shard % concurrency;
            lastIdentify.put(key, System.nanoTime());
        } finally {
            guard.unlock();
        }
        holdKey(key);
    }

    /** The shard's failed first connections in a row, after this one failed or succeeded. */
    private int failed(int shard, boolean failed) {
        guard.lock();
        try {
            return failures.merge(shard, failed ? 1 : 0, (a, b) -> b == 0 ? 0 : a + b);
        } finally {
            guard.unlock();
        }
    }
}
