package dev.studybot.platform.discord;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code discord:} config section: REST and gateway base URLs (empty for Discord itself; a
 * REST proxy or an emulator otherwise), {@code guilds}: empty to register {@code /study}
 * globally, else in those guild ids only, and {@code global-rate}: the requests a second the bot
 * may send (Discord's 50 unless Discord raised it for the bot), shared by every node; on several
 * nodes, {@code gateway-lease-seconds}: how long a node holding a shard may go without renewing
 * its lease, the longest a node that died leaves that shard's interactions unanswered; and
 * {@code shards}: how the gateway is split over shards and nodes.
 */
public record DiscordConfig(String apiBaseUrl, String gatewayUrl, List<String> guilds, Integer globalRate, Integer gatewayLeaseSeconds,
                            Shards shards) {
    /** Discord's global limit for a bot: requests a second, over all of its connections and nodes. */
    public static final int DISCORD_GLOBAL_RATE = 50;

    public DiscordConfig {
        globalRate = globalRate == null ? DISCORD_GLOBAL_RATE : globalRate;
        gatewayLeaseSeconds = gatewayLeaseSeconds == null ? 15 : gatewayLeaseSeconds;
        if (gatewayLeaseSeconds < 1) {
            throw new IllegalArgumentException("gateway-lease-seconds must be at least 1");
        }
        if (globalRate < 1) {
            throw new IllegalArgumentException("must be at least 1 request a second");
        }
        apiBaseUrl = apiBaseUrl == null ? "" : apiBaseUrl.strip();
        gatewayUrl = gatewayUrl == null ? "" : gatewayUrl.strip();
        guilds = guilds == null ? List.of() : List.copyOf(guilds);
        shards = shards == null ? new Shards(null, null, null) : shards;
    }

    /**
     * {@code discord.shards}: {@code total}, {@code auto} (the count Discord recommends in
     * {@code /gateway/bot}) or a number; {@code ids}, this node's shards: {@code auto} (every shard
     * on one node; on several nodes each takes a fair share through a lease per shard, and takes
     * over a dead node's) or ids and ranges such as {@code 0-1} or {@code 0,2}; and
     * {@code identify-seconds}, the identify window (Discord's 5 s; shorter only for an emulator).
     */
    public record Shards(String total, String ids, Double identifySeconds) {
        public static final String AUTO = "auto";

        public Shards {
            total = total == null || total.isBlank() ? AUTO : total.strip().toLowerCase(java.util.Locale.ROOT);
            ids = ids == null || ids.isBlank() ? AUTO : ids.strip().toLowerCase(java.util.Locale.ROOT);
            identifySeconds = identifySeconds == null ? 5.0 : identifySeconds;
            if (!total.equals(AUTO) && (!total.matches("[0-9]{1,5}") || Integer.parseInt(total) < 1)) {
                throw new IllegalArgumentException("discord.shards.total: expected auto or a number of shards (at least 1), got " + total);
            }
            if (!(identifySeconds > 0)) {
                throw new IllegalArgumentException("discord.shards.identify-seconds: must be more than 0");
            }
            Set<Integer> parsed = parse(ids);
            if (!total.equals(AUTO)) {
                int n = Integer.parseInt(total);
                parsed.stream().filter(id -> id >= n).findFirst().ifPresent(id -> {
                    throw new IllegalArgumentException("discord.shards.ids: shard " + id + " does not exist with discord.shards.total " + n
                            + " (ids run from 0 to " + (n - 1) + ")");
                });
            }
        }

        /** The total when it is a number; empty for {@code auto}. */
        public Optional<Integer> fixedTotal() {
            return total.equals(AUTO) ? Optional.empty() : Optional.of(Integer.parseInt(total));
        }

        /** This node's shards when listed; empty for {@code auto}. */
        public Optional<Set<Integer>> fixedIds() {
            return ids.equals(AUTO) ? Optional.empty() : Optional.of(parse(ids));
        }

        private static Set<Integer> parse(String ids) {
            Set<Integer> out = new TreeSet<>();
            if (ids.equals(AUTO)) {
                return out;
            }
            for (String part : ids.split(",")) {
                String p = part.strip();
                String[] range = p.split("-", -1);
                if (range.length > 2 || !Objects.requireNonNull(range[0]).strip().matches("[0-9]{1,5}")
                        || range.length == 2 && !range[1].strip().matches("[0-9]{1,5}")) {
                    throw new IllegalArgumentException("discord.shards.ids: expected auto, or shard ids and ranges like 0-1 or 0,2; got " + ids);
                }
                int from = Integer.parseInt(range[0].strip());
                int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
                if (to < from) {
                    throw new IllegalArgumentException("discord.shards.ids: the range " + p + " runs backwards");
                }
                for (int i = from; i <= to; i++) {
                    out.add(i);
                }
            }
            return out;
        }
    }
}
