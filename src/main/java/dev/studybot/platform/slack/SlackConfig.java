package dev.studybot.platform.slack;

/** The {@code slack:} config section: the Web API base (empty for slack.com), and the port of HTTP mode. */
public record SlackConfig(String apiBaseUrl, int httpPort) {
    public SlackConfig {
        apiBaseUrl = apiBaseUrl == null ? "" : apiBaseUrl.strip();
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("slack.http-port must be between 0 and 65535, not " + httpPort);
        }
    }
}
