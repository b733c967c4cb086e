package dev.studybot.platform.discord;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * How the bot's gateway is split: {@code total} shards, a server on shard
 * {@code (server_id >> 22) % total} as Discord deals them. How many may identify at once is JDA's
 * to learn from {@code /gateway/bot} and the session controller's to keep ({@link DiscordGateway}).
 */
record ShardPlan(int total) {
    ShardPlan {
        if (total < 1) {
            throw new IllegalArgumentException("total must be at least 1 shard");
        }
    }

    /** The shard a server's events come on. */
    int shardOf(String guildId) {
        return (int) Long.remainderUnsigned(Long.parseUnsignedLong(guildId) >>> 22, total);
    }

    /** Every shard id, 0 to total - 1. */
    Set<Integer> all() {
        Set<Integer> ids = new TreeSet<>();
        IntStream.range(0, total).forEach(ids::add);
        return ids;
    }
}
