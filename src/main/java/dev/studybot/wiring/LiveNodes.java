package dev.studybot.wiring;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * How many nodes are alive, as the platforms' paces ask on every request: counted from the
 * database at most once per {@code every}, at least 1, and the last count kept while the
 * database cannot be reached.
 */
final class LiveNodes implements IntSupplier {
    private final IntSupplier count;
    private final long everyNanos;
    private final AtomicInteger last = new AtomicInteger(1);
    private final AtomicLong countedAt;

    LiveNodes(IntSupplier count, java.time.Duration every) {
        this.count = count;
        this.everyNanos = every.toNanos();
        this.countedAt = new AtomicLong(System.nanoTime() - everyNanos);
    }

    @Override
    public int getAsInt() {
        long at = countedAt.get();
        long now = System.nanoTime();
        if (now - at >= everyNanos && countedAt.compareAndSet(at, now)) {
            try {
                last.set(Math.max(1, count.getAsInt()));
            } catch (RuntimeException e) {
                // the database is away: keep the count we have
            }
        }
        return last.get();
    }
}
