package dev.studybot.platform.slack;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Slack's limits for posting, kept before Slack has to say so (Bucket4j buckets): about one
 * message a second in a channel (evenly, a little slower than one a second), and a workspace-wide
 * pace of {@code perMinute} messages, shared by the live nodes (each node takes its part, paced
 * evenly at 96% of it). A post waits for both; Slack's 429s are still waited out in
 * {@link SlackDelivery} for whatever the buckets do not know about.
 */
final class SlackPace {
    static final double HEADROOM = 0.96;
    private static final int MAX_CHANNELS = 50_000;
    /** A little over a second: requests that leave on time may still arrive a few milliseconds apart. */
    private static final Duration CHANNEL_INTERVAL = Duration.ofMillis(1050);

    private final int perMinute;
    private final IntSupplier liveNodes;
    private final Bucket workspace;
    private final AtomicInteger nodes = new AtomicInteger(1);
    private final Map<String, Bucket> channels = new ConcurrentHashMap<>();
    private final java.util.concurrent.locks.ReentrantLock turn = new java.util.concurrent.locks.ReentrantLock(true);

    SlackPace(int perMinute, IntSupplier liveNodes) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("slack.posts-per-minute must be at least 1");
        }
        this.perMinute = perMinute;
        this.liveNodes = liveNodes;
        int n = Math.max(1, liveNodes.getAsInt());
        nodes.set(n);
        this.workspace = Bucket.builder().addLimit(workspaceBandwidth(n)).build();
    }

    private Bandwidth workspaceBandwidth(int nodeCount) {
        long interval = (long) (60e9 * nodeCount / (perMinute * HEADROOM));
        return Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(interval)).initialTokens(1).build();
    }

    /** Waits until a message may go to {@code channel}. */
    void await(String channel) throws InterruptedException {
        if (channels.size() > MAX_CHANNELS) {
            channels.clear(); // a day's channels come back at once; a bucket idle for a second is full again anyway
        }
        channels.computeIfAbsent(channel, c -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, CHANNEL_INTERVAL).build()).build())
                .asBlocking().consume(1);
        recheckShare();
        take(workspace);
    }

    /**
     * Takes a token when there is one, sleeping until the bucket says one is due. No token is
     * reserved ahead, so a change of share (a node joining or leaving) never leaves reservations
     * made at the old pace to be served beside the new one.
     */
    private void take(Bucket bucket) throws InterruptedException {
        // first come, first served: a post never waits behind later ones
        turn.lockInterruptibly();
        try {
            while (true) {
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                if (probe.isConsumed()) {
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(Math.max(100_000, probe.getNanosToWaitForRefill()));
            }
        } finally {
            turn.unlock();
        }
    }

    /** The share of this node follows the number of live nodes (the cluster counts them every few seconds). */
    private void recheckShare() {
        int n = Math.max(1, liveNodes.getAsInt());
        if (nodes.getAndSet(n) != n) {
            workspace.replaceConfiguration(BucketConfiguration.builder().addLimit(workspaceBandwidth(n)).build(),
                    TokensInheritanceStrategy.AS_IS);
        }
    }
}
