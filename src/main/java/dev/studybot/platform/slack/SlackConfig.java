package dev.studybot.platform.slack;

/**
 * The {@code slack:} config section: the Web API base (empty for slack.com), the port of HTTP mode,
 * and {@code posts-per-minute}: the workspace-wide pace of messages (Slack publishes about one a
 * second per channel, and a workspace limit it does not number; 600 a minute stays under it).
 */
public record SlackConfig(String apiBaseUrl, int httpPort, Integer postsPerMinute) {
    public static final int POSTS_PER_MINUTE = 600;

    public SlackConfig {
        postsPerMinute = postsPerMinute == null ? POSTS_PER_MINUTE : postsPerMinute;
        if (postsPerMinute < 1) {
            throw new IllegalArgumentException("slack.posts-per-minute must be at least 1, not " + postsPerMinute);
        }
        apiBaseUrl = apiBaseUrl == null ? "" : apiBaseUrl.strip();
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("slack.http-port must be between 0 and 65535, not " + httpPort);
        }
    }
}
