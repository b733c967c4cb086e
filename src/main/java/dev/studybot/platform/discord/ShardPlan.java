package dev.studybot.platform.discord;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * How the bot's gateway is split: {@code total} shards, a server on shard
 * {@code (server_id >> 22) % total} as Discord deals them, and {@code concurrency} shards that may
 * identify in each 5 s window (Discord's {@code session_start_limit.max_concurrency}).
 */
record ShardPlan(int total, int concurrency) {
    ShardPlan {
        if (total < 1) {
            throw new IllegalArgumentException("total must be at least 1 shard");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
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
