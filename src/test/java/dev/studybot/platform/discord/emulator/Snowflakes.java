package dev.studybot.platform.discord.emulator;

import java.util.concurrent.atomic.AtomicLong;

/** Discord ids: milliseconds since Discord's epoch in the high bits, so JDA computes the creation time (and the 15-minute hook expiry) from them. */
final class Snowflakes {
    static final long DISCORD_EPOCH = 1420070400000L;
    private final AtomicLong sequence = new AtomicLong();
    /** Milliseconds for server ids: one apart, a day back, so that servers spread over shards as real ones do. */
    private final AtomicLong serverMillis = new AtomicLong(System.currentTimeMillis() - DISCORD_EPOCH - 86_400_000L);

    String next() {
        return Long.toUnsignedString(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (sequence.incrementAndGet() & 0x3FFFFF));
    }

    /** A server id; consecutive servers fall on consecutive shards ({@code (id >> 22) % total}). */
    String nextServer() {
        return Long.toUnsignedString((serverMillis.incrementAndGet() << 22) | (sequence.incrementAndGet() & 0x3FFFFF));
    }
}
