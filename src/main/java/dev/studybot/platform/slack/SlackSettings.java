package dev.studybot.platform.slack;

import dev.studybot.port.platform.Secrets;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Slack adapter needs: the bot token, and either the app-level token (Socket Mode, the
 * default: no public URL) or the signing secret (HTTP mode on {@code httpPort}); the Web API base
 * ({@code slack.api-base-url}, empty for slack.com). {@link #toString()} never shows a secret.
 */
public record SlackSettings(String botToken, Optional<String> appToken, Optional<String> signingSecret,
                            String apiBaseUrl, int httpPort, int postsPerMinute) {

    public SlackSettings(String botToken, Optional<String> appToken, Optional<String> signingSecret, String apiBaseUrl, int httpPort) {
        this(botToken, appToken, signingSecret, apiBaseUrl, httpPort, SlackConfig.POSTS_PER_MINUTE);
    }

    /** How Slack reaches the app. */
    public enum Mode {
        SOCKET, HTTP
    }

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        appToken = appToken == null ? Optional.empty() : appToken;
        signingSecret = signingSecret == null ? Optional.empty() : signingSecret;
        apiBaseUrl = apiBaseUrl == null ? "" : apiBaseUrl.strip();
        if (appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new IllegalArgumentException("Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) beside SLACK_BOT_TOKEN");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("slack.http-port must be between 0 and 65535");
        }
    }

    public static SlackSettings from(SlackConfig config, Secrets secrets) {
        String bot = secrets.get(SlackModule.BOT_TOKEN).orElseThrow(() -> new IllegalArgumentException(
                "the Slack adapter is on but SLACK_BOT_TOKEN is not set"));
        return new SlackSettings(bot, secrets.get(SlackModule.APP_TOKEN), secrets.get(SlackModule.SIGNING_SECRET), config.apiBaseUrl(),
                config.httpPort(), config.postsPerMinute());
    }

    /** Socket Mode whenever an app-level token is set. */
    public Mode mode() {
        return appToken.isPresent() ? Mode.SOCKET : Mode.HTTP;
    }

    /** The Web API base with its trailing slash, or empty for Slack's own. */
    public Optional<String> methodsUrlPrefix() {
        if (apiBaseUrl.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(apiBaseUrl.endsWith("/") ? apiBaseUrl : apiBaseUrl + "/");
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode() + ", apiBaseUrl=" + (apiBaseUrl.isEmpty() ? "slack.com" : apiBaseUrl)
                + ", httpPort=" + httpPort + "]";
    }
}
