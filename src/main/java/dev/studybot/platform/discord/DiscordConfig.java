package dev.studybot.platform.discord;

import java.util.List;

/**
 * The {@code discord:} config section: REST and gateway base URLs (empty for Discord itself; a
 * REST proxy or an emulator otherwise), and {@code guilds}: empty to register {@code /study}
 * globally, else in those guild ids only.
 */
public record DiscordConfig(String apiBaseUrl, String gatewayUrl, List<String> guilds) {
    public DiscordConfig {
        apiBaseUrl = apiBaseUrl == null ? "" : apiBaseUrl.strip();
        gatewayUrl = gatewayUrl == null ? "" : gatewayUrl.strip();
        guilds = guilds == null ? List.of() : List.copyOf(guilds);
    }
}
