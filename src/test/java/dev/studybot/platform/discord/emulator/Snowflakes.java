package dev.studybot.platform.discord.emulator;

import java.util.concurrent.atomic.AtomicLong;

/** Discord ids: milliseconds since Discord's epoch in the high bits, so JDA computes the creation time (and the 15-minute hook expiry) from them. */
final class Snowflakes {
    static final long DISCORD_EPOCH = 1420070400000L;
    private final AtomicLong sequence = new AtomicLong();

    String next() {
        return Long.toUnsignedString(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (sequence.incrementAndGet() & 0x3FFFFF));
    }
}
