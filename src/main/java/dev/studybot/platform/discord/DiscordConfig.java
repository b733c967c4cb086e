package dev.studybot.platform.discord;

import java.util.List;

/**
 * The {@code discord:} config section: REST and gateway base URLs (empty for Discord itself; a
 * REST proxy or an emulator otherwise), {@code guilds}: empty to register {@code /study}
 * globally, else in those guild ids only, and {@code global-rate}: the requests a second the bot
 * may send (Discord's 50 unless Discord raised it for the bot), shared by every node; on several
 * nodes, {@code gateway-lease-seconds}: how long the node holding the gateway may go without
 * renewing its lease, the longest a node that died leaves interactions unanswered.
 */
public record DiscordConfig(String apiBaseUrl, String gatewayUrl, List<String> guilds, Integer globalRate, Integer gatewayLeaseSeconds) {
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
    }
}
