package dev.studybot.platform.discord;

import dev.studybot.port.out.Telemetry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps the bot under Discord's global limit (50 requests a second for a bot, across all its
 * connections) before Discord has to say so: every REST request but interaction callbacks and
 * webhooks (which Discord exempts) takes a token from a Bucket4j bucket first. Several nodes share
 * the limit, each taking an equal part by the live nodes in the database; the part is paced evenly
 * (no burst) a little below the limit, and what leaves is also held to that share in any sliding
 * second, so requests arriving a few milliseconds apart never add up to more than the limit. JDA keeps the per-route buckets from the {@code X-RateLimit-*}
 * headers, and waits out any 429 itself; those are counted here.
 */
final class GlobalPace implements Interceptor {
    /** The share of the limit studybot uses: room for the network's jitter. */
    static final double HEADROOM = 0.96;

    private final int perSecond;
    private final IntSupplier liveNodes;
    private final Bucket bucket;
    private final AtomicInteger nodes = new AtomicInteger(1);
    /** When the last requests of this node left, oldest first: no more than the share in any one second. */
    private final java.util.ArrayDeque<Long> sent = new java.util.ArrayDeque<>();
    private final java.util.concurrent.locks.ReentrantLock turn = new java.util.concurrent.locks.ReentrantLock(true);

    private final Telemetry telemetry;

    GlobalPace(int perSecond, IntSupplier liveNodes) {
        this(perSecond, liveNodes, Telemetry.NONE);
    }

    GlobalPace(int perSecond, IntSupplier liveNodes, Telemetry telemetry) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("discord.global-rate must be at least 1 request a second");
        }
        this.perSecond = perSecond;
        this.liveNodes = liveNodes;
        this.telemetry = telemetry;
        int n = Math.max(1, liveNodes.getAsInt());
        nodes.set(n);
        this.bucket = Bucket.builder().addLimit(bandwidth(n)).build();
    }

    private Bandwidth bandwidth(int nodeCount) {
        double rate = perSecond * HEADROOM / nodeCount;
        long interval = (long) (1e9 / rate);
        return Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(interval)).initialTokens(1).build();
    }

    /** Requests a second this node sends at most now. */
    double rate() {
        return perSecond * HEADROOM / nodes.get();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String path = chain.request().url().encodedPath();
        if (!path.contains("/interactions/") && !path.contains("/webhooks/")) {
            recheckShare();
            try {
                take();
                withinAnySecond();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for Discord's global rate limit");
            }
        }
        Response response = chain.proceed(chain.request());
        if (response.code() == 429) {
            telemetry.rateLimited(DiscordAdapter.NAME, "true".equalsIgnoreCase(response.header("X-RateLimit-Global")));
        }
        return response;
    }

    /**
     * Takes a token when there is one, sleeping until the bucket says one is due. No token is
     * reserved ahead, so a change of share (a node joining or leaving) never leaves reservations
     * made at the old pace to be served beside the new one.
     */
    private void take() throws InterruptedException {
        // first come, first served: a request never waits behind later ones
        turn.lockInterruptibly();
        try {
            while (true) {
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                if (probe.isConsumed()) {
                    return;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(Math.max(100_000, probe.getNanosToWaitForRefill()));
            }
        } finally {
            turn.unlock();
        }
    }

    /**
     * The bucket spaces requests evenly when they are granted; a thread that wakes late (a pause of
     * the JVM, a busy machine) would then leave together with the next ones. This keeps what
     * actually leaves to the share in any second.
     */
    private void withinAnySecond() throws InterruptedException {
        int most = Math.max(1, (int) Math.floor(rate()));
        synchronized (sent) {
            while (true) {
                long now = System.nanoTime();
                while (!sent.isEmpty() && now - sent.peekFirst() >= 1_000_000_000L) {
                    sent.pollFirst();
                }
                if (sent.size() < most) {
                    sent.addLast(now);
                    return;
                }
                long wait = sent.peekFirst() + 1_000_000_000L - now;
                sent.wait(Math.max(1, wait / 1_000_000), (int) (wait % 1_000_000));
            }
        }
    }

    /** The share of this node follows the number of live nodes (the cluster counts them every few seconds). */
    private void recheckShare() {
        int n = Math.max(1, liveNodes.getAsInt());
        if (nodes.getAndSet(n) != n) {
            bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(bandwidth(n)).build(),
                    io.github.bucket4j.TokensInheritanceStrategy.AS_IS);
        }
    }
}
