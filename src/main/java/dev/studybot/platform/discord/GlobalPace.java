package dev.studybot.platform.discord;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps the bot under Discord's global limit (50 requests a second for a bot, across all its
 * connections) before Discord has to say so: every REST request but interaction callbacks and
 * webhooks (which Discord exempts) takes a token from a Bucket4j bucket first. Several nodes share
 * the limit, each taking an equal part by the live nodes in the database; the part is paced evenly
 * (no burst) a little below the limit, so requests arriving a few milliseconds apart never add up to
 * more than the limit in any second. JDA keeps the per-route buckets from the {@code X-RateLimit-*}
 * headers, and waits out any 429 itself; those are counted here.
 */
final class GlobalPace implements Interceptor {
    /** The share of the limit studybot uses: room for the network's jitter. */
    static final double HEADROOM = 0.96;
    private static final long RECHECK_NANOS = Duration.ofSeconds(5).toNanos();

    private final int perSecond;
    private final IntSupplier liveNodes;
    private final Bucket bucket;
    private final AtomicInteger nodes = new AtomicInteger(1);
    private final AtomicLong checked = new AtomicLong(System.nanoTime());
    private final AtomicInteger limited = new AtomicInteger();
    private final AtomicInteger globalLimited = new AtomicInteger();

    GlobalPace(int perSecond, IntSupplier liveNodes) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("discord.global-rate must be at least 1 request a second");
        }
        this.perSecond = perSecond;
        this.liveNodes = liveNodes;
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

    /** 429s Discord answered, and how many of them for the global limit. */
    int limited() {
        return limited.get();
    }

    int globalLimited() {
        return globalLimited.get();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String path = chain.request().url().encodedPath();
        if (!path.contains("/interactions/") && !path.contains("/webhooks/")) {
            recheckShare();
            try {
                bucket.asBlocking().consume(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for Discord's global rate limit");
            }
        }
        Response response = chain.proceed(chain.request());
        if (response.code() == 429) {
            limited.incrementAndGet();
            if ("true".equalsIgnoreCase(response.header("X-RateLimit-Global"))) {
                globalLimited.incrementAndGet();
            }
        }
        return response;
    }

    private void recheckShare() {
        long last = checked.get();
        long now = System.nanoTime();
        if (now - last < RECHECK_NANOS || !checked.compareAndSet(last, now)) {
            return;
        }
        int n;
        try {
            n = Math.max(1, liveNodes.getAsInt());
        } catch (RuntimeException e) {
            return; // the database is away: keep the share we have
        }
        if (nodes.getAndSet(n) != n) {
            bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(bandwidth(n)).build(),
                    io.github.bucket4j.TokensInheritanceStrategy.AS_IS);
        }
    }
}
