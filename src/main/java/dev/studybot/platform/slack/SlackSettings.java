package dev.studybot.platform.slack;

import dev.studybot.port.platform.Secrets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Slack adapter needs. One workspace: its bot token, and either the app-level token
 * (Socket Mode, the default: no public URL) or the signing secret (HTTP mode on {@code httpPort}).
 * Distributed ({@code distribution} present): no bot token (each workspace's comes from its
 * installation), HTTP mode with the signing secret, and the OAuth settings. The Web API base
 * ({@code slack.api-base-url}) is empty for slack.com. {@link #toString()} never shows a secret.
 */
public record SlackSettings(Optional<String> botToken, Optional<String> appToken, Optional<String> signingSecret,
                            String apiBaseUrl, int httpPort, int postsPerMinute, Optional<Distribution> distribution) {

    public SlackSettings(String botToken, Optional<String> appToken, Optional<String> signingSecret, String apiBaseUrl, int httpPort) {
        this(Optional.of(botToken), appToken, signingSecret, apiBaseUrl, httpPort, SlackConfig.POSTS_PER_MINUTE, Optional.empty());
    }

    /** How Slack reaches the app. */
    public enum Mode {
        SOCKET, HTTP
    }

    /**
     * Installing in any workspace: the app's client id and secret, the scopes it asks for, where
     * browsers reach studybot ({@code publicUrl}), the install page's and the redirect's paths,
     * Slack's consent page, and the key that encrypts stored tokens ({@code SLACK_TOKEN_KEY}), if set.
     */
    public record Distribution(String clientId, String clientSecret, List<String> scopes, String publicUrl, String installPath,
                               String redirectPath, String authorizeUrl, Optional<String> tokenKey) {
        public Distribution {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            scopes = List.copyOf(scopes);
            tokenKey = tokenKey == null ? Optional.empty() : tokenKey;
        }

        /** The redirect URL to register with Slack: the public address and the redirect path. */
        public String redirectUri() {
            return publicUrl + redirectPath;
        }

        @Override
        public String toString() {
            return "Distribution[clientId=" + clientId + ", scopes=" + scopes + ", install=" + publicUrl + installPath + ", redirect="
                    + redirectUri() + ", tokens " + (tokenKey.isPresent() ? "encrypted" : "not encrypted") + "]";
        }
    }

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        appToken = appToken == null ? Optional.empty() : appToken;
        signingSecret = signingSecret == null ? Optional.empty() : signingSecret;
        distribution = distribution == null ? Optional.empty() : distribution;
        apiBaseUrl = apiBaseUrl == null ? "" : apiBaseUrl.strip();
        if (distribution.isPresent()) {
            if (signingSecret.isEmpty()) {
                throw new IllegalArgumentException("slack.mode is distributed: set SLACK_SIGNING_SECRET (Basic Information of the app)");
            }
            if (appToken.isPresent() || botToken.isPresent()) {
                throw new IllegalArgumentException("slack.mode is distributed: unset SLACK_BOT_TOKEN and SLACK_APP_TOKEN; each workspace's "
                        + "token comes from its installation and Slack reaches studybot over HTTP");
            }
        } else {
            if (botToken.isEmpty()) {
                throw new IllegalArgumentException("the Slack adapter is on but SLACK_BOT_TOKEN is not set (or set slack.mode: distributed)");
            }
            if (appToken.isEmpty() && signingSecret.isEmpty()) {
                throw new IllegalArgumentException("Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) beside SLACK_BOT_TOKEN");
            }
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("slack.http-port must be between 0 and 65535");
        }
    }

    public static SlackSettings from(SlackConfig config, Secrets secrets) {
        Optional<Distribution> distribution = Optional.empty();
        if (config.distributed()) {
            String secret = secrets.get(SlackModule.CLIENT_SECRET).orElseThrow(() -> new IllegalArgumentException(
                    "slack.mode is distributed but SLACK_CLIENT_SECRET is not set (Basic Information of the app)"));
            distribution = Optional.of(new Distribution(config.clientId(), secret, config.scopes(), config.publicUrl(), config.installPath(),
                    config.redirectPath(), config.authorizeUrl(), secrets.get(SlackModule.TOKEN_KEY)));
        }
        return new SlackSettings(secrets.get(SlackModule.BOT_TOKEN), secrets.get(SlackModule.APP_TOKEN), secrets.get(SlackModule.SIGNING_SECRET),
                config.apiBaseUrl(), config.httpPort(), config.postsPerMinute(), distribution);
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
                + ", httpPort=" + httpPort + distribution.map(d -> ", " + d).orElse(", one workspace") + "]";
    }
}
