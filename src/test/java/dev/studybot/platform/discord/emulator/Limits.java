package dev.studybot.platform.discord.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The emulator's rate limits: a global count per wall-clock second and a fixed window per channel's message route. */
final class Limits {
    volatile Duration latency = Duration.ZERO;
    final AtomicInteger globalLimited = new AtomicInteger();
    final AtomicInteger routeLimited = new AtomicInteger();
    final AtomicInteger busiest = new AtomicInteger();
    private volatile int globalPerSecond;
    private volatile int perRoute;
    private volatile long windowNanos;
    private long second = -1;
    private int inSecond;
    private final Map<String, long[]> routes = new ConcurrentHashMap<>();

    void configure(int globalPerSecond, int perRoute, Duration window) {
        this.globalPerSecond = globalPerSecond;
        this.perRoute = perRoute;
        this.windowNanos = window.toNanos();
    }

    /** What a request over the global limit must wait, in seconds; 0 when it is within. */
    synchronized double global(long nowMillis) {
        if (globalPerSecond <= 0) {
            return 0;
        }
        long s = nowMillis / 1000;
        if (s != second) {
            second = s;
            inSecond = 0;
        }
        if (inSecond >= globalPerSecond) {
            globalLimited.incrementAndGet();
            return Math.max(0.001, (1000 - nowMillis % 1000) / 1000.0);
        }
        inSecond++;
        busiest.accumulateAndGet(inSecond, Math::max);
        return 0;
    }

    /** The bucket state of a channel's message route after this request: {remaining, reset-after nanos}, remaining -1 when over. */
    long[] route(String channelId, long nowNanos) {
        if (perRoute <= 0) {
            return null;
        }
        long[] state = routes.computeIfAbsent(channelId, k -> new long[] {0, 0});
        synchronized (state) {
            // state[0]: window start, state[1]: used in the window
            if (nowNanos - state[0] >= windowNanos || state[1] == 0) {
                state[0] = nowNanos;
                state[1] = 0;
            }
            long resetAfter = state[0] + windowNanos - nowNanos;
            if (state[1] >= perRoute) {
                routeLimited.incrementAndGet();
                return new long[] {-1, resetAfter};
            }
            state[1]++;
            return new long[] {perRoute - state[1], resetAfter};
        }
    }

    int perRoute() {
        return perRoute;
    }
}
