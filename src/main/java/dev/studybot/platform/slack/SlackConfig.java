package dev.studybot.platform.slack;

import java.util.List;
import java.util.Locale;

/**
 * The {@code slack:} config section: the Web API base (empty for slack.com), the port of HTTP mode,
 * and {@code posts-per-minute}: the workspace-wide pace of messages (Slack publishes about one a
 * second per channel, and a workspace limit it does not number; 600 a minute stays under it).
 * {@code mode} is {@code single} (one workspace, its bot token from {@code SLACK_BOT_TOKEN}) or
 * {@code distributed} (any workspace adds the app from the install page at {@code install-path}
 * under {@code public-url}; Slack sends the installer back to {@code redirect-path}; the app asks
 * for {@code scopes}; {@code client-id} is the app's, its secret in {@code SLACK_CLIENT_SECRET};
 * {@code authorize-url} is Slack's consent page, another one for Slack for government).
 */
public record SlackConfig(String apiBaseUrl, int httpPort, Integer postsPerMinute, String mode, String clientId, String publicUrl,
                          String installPath, String redirectPath, String authorizeUrl, List<String> scopes) {
    public static final int POSTS_PER_MINUTE = 600;
    public static final String SINGLE = "single";
    public static final String DISTRIBUTED = "distributed";
    public static final String AUTHORIZE_URL = "https://slack.com/oauth/v2/authorize";
    public static final List<String> SCOPES = List.of("commands", "chat:write", "chat:write.public", "files:write", "users:read",
            "usergroups:read", "files:read", "app_mentions:read");

    public SlackConfig {
        postsPerMinute = postsPerMinute == null ? POSTS_PER_MINUTE : postsPerMinute;
        if (postsPerMinute < 1) {
            throw new IllegalArgumentException("slack.posts-per-minute must be at least 1, not " + postsPerMinute);
        }
        apiBaseUrl = apiBaseUrl == null ? "" : apiBaseUrl.strip();
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("slack.http-port must be between 0 and 65535, not " + httpPort);
        }
        mode = mode == null || mode.isBlank() ? SINGLE : mode.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals(SINGLE) && !mode.equals(DISTRIBUTED)) {
            throw new IllegalArgumentException("slack.mode must be single or distributed, not '" + mode + "'");
        }
        clientId = clientId == null ? "" : clientId.strip();
        publicUrl = publicUrl == null ? "" : stripSlash(publicUrl.strip());
        installPath = path("slack.install-path", installPath, "/slack/install");
        redirectPath = path("slack.redirect-path", redirectPath, "/slack/oauth_redirect");
        if (installPath.equals(redirectPath) || installPath.equals(SlackHttpServer.PATH) || redirectPath.equals(SlackHttpServer.PATH)) {
            throw new IllegalArgumentException("slack.install-path, slack.redirect-path and " + SlackHttpServer.PATH + " must differ");
        }
        authorizeUrl = authorizeUrl == null || authorizeUrl.isBlank() ? AUTHORIZE_URL : authorizeUrl.strip();
        scopes = scopes == null || scopes.isEmpty() ? SCOPES : List.copyOf(scopes);
        if (mode.equals(DISTRIBUTED)) {
            if (clientId.isEmpty()) {
                throw new IllegalArgumentException("slack.mode is distributed: set slack.client-id (Basic Information of the app on api.slack.com)");
            }
            if (!publicUrl.startsWith("https://") && !publicUrl.startsWith("http://")) {
                throw new IllegalArgumentException("slack.mode is distributed: set slack.public-url to the address browsers reach studybot at "
                        + "(https://studybot.example.org), not '" + publicUrl + "'");
            }
        }
    }

    /** Whether any workspace may install the app (OAuth), rather than one workspace's bot token. */
    public boolean distributed() {
        return mode.equals(DISTRIBUTED);
    }

    private static String path(String key, String value, String otherwise) {
        String p = value == null || value.isBlank() ? otherwise : value.strip();
        if (!p.matches("/[A-Za-z0-9_./-]*")) {
            throw new IllegalArgumentException(key + " must be a path starting with /, not '" + p + "'");
        }
        return stripSlash(p);
    }

    private static String stripSlash(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
