package dev.studybot.platform.slack;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work that follows an ack, on a small pool. Tasks with the same key (one member) run one
 * after the other in arrival order, so a member's second answer is never overtaken by the first.
 */
final class KeyedWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeyedWorkers.class);

    private final ExecutorService pool;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    KeyedWorkers(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "studybot-slack-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    void submit(String key, Runnable task) {
        try {
            tails.compute(key, (k, tail) -> {
                CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
                CompletableFuture<Void> next = previous.thenRunAsync(() -> run(task), pool);
                next.whenComplete((v, e) -> tails.remove(k, next));
                return next;
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Dropped a Slack request during shutdown");
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("A Slack request failed after its ack: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
