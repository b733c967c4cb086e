package dev.studybot.platform.discord;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the Discord adapter needs: the bot token (from the environment, never logged), the REST and
 * gateway URLs (empty for Discord itself; a proxy or an emulator otherwise), the guilds to register
 * {@code /study} in (empty: globally), the longest answer accepted, how many threads ask the core,
 * the global rate, and Discord's identify window (5 s).
 */
public record DiscordSettings(String token, String apiBaseUrl, String gatewayUrl, List<String> guilds, int maxAnswerLength, int workers,
                              int globalRate, Duration identifyWindow) {
    /** Discord's identify window: each rate-limit key may start one session in it. */
    public static final Duration IDENTIFY_WINDOW = Duration.ofSeconds(5);

    public DiscordSettings(String token, String apiBaseUrl, String gatewayUrl, List<String> guilds, int maxAnswerLength, int workers,
                           int globalRate) {
        this(token, apiBaseUrl, gatewayUrl, guilds, maxAnswerLength, workers, globalRate, IDENTIFY_WINDOW);
    }

    public DiscordSettings {
        Objects.requireNonNull(identifyWindow, "identifyWindow");
        Objects.requireNonNull(token, "token");
        apiBaseUrl = apiBaseUrl == null ? "" : apiBaseUrl.strip();
        gatewayUrl = gatewayUrl == null ? "" : gatewayUrl.strip();
        guilds = guilds == null ? List.of() : List.copyOf(guilds);
        if (maxAnswerLength < 1 || maxAnswerLength > 4000) {
            throw new IllegalArgumentException("maxAnswerLength must be 1 to 4000");
        }
        if (globalRate < 1) {
            throw new IllegalArgumentException("globalRate must be positive");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be positive");
        }
    }

    /** The REST base as JDA wants it: ending in a slash. */
    String restBase() {
        return apiBaseUrl.endsWith("/") ? apiBaseUrl : apiBaseUrl + "/";
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=set, apiBaseUrl=" + (apiBaseUrl.isEmpty() ? "discord" : apiBaseUrl)
                + ", gatewayUrl=" + (gatewayUrl.isEmpty() ? "discord" : gatewayUrl) + ", guilds=" + guilds
                + ", maxAnswerLength=" + maxAnswerLength + ", workers=" + workers + ", globalRate=" + globalRate + ", identifyWindow=" + identifyWindow.toMillis() + "ms]";
    }
}
