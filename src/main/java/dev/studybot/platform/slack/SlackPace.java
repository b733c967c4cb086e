package dev.studybot.platform.slack;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack's limits for posting, kept before Slack has to say so (Bucket4j buckets): about one
 * message a second in a channel (evenly, a little slower than one a second), and a workspace-wide pace
 * of {@code perMinute} messages. A post waits for both; Slack's 429s are still waited out in
 * {@link SlackDelivery} for whatever the buckets do not know about.
 */
final class SlackPace {
    private static final int MAX_CHANNELS = 50_000;
    /** A little over a second: requests that leave on time may still arrive a few milliseconds apart. */
    private static final Duration CHANNEL_INTERVAL = Duration.ofMillis(1050);
    private final Bucket workspace;
    private final Map<String, Bucket> channels = new ConcurrentHashMap<>();

    SlackPace(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("slack.posts-per-minute must be at least 1");
        }
        this.workspace = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(Math.max(1, perMinute / 60)).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    /** Waits until a message may go to {@code channel}. */
    void await(String channel) throws InterruptedException {
        if (channels.size() > MAX_CHANNELS) {
            channels.clear(); // a day's channels come back at once; a bucket idle for a second is full again anyway
        }
        channels.computeIfAbsent(channel, c -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, CHANNEL_INTERVAL).build()).build())
                .asBlocking().consume(1);
        workspace.asBlocking().consume(1);
    }
}
