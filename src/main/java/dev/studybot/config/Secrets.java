package dev.studybot.config;

import java.util.Map;
import java.util.Optional;

/**
 * Platform tokens, from environment variables only. {@link #toString()} never shows them, so a
 * log line or exception that prints this record leaks nothing.
 */
public record Secrets(Optional<String> discordToken, Optional<String> slackBotToken, Optional<String> slackAppToken,
                      Optional<String> slackSigningSecret) {

    public static Secrets from(Map<String, String> env) {
        return new Secrets(get(env, "DISCORD_TOKEN"), get(env, "SLACK_BOT_TOKEN"), get(env, "SLACK_APP_TOKEN"),
                get(env, "SLACK_SIGNING_SECRET"));
    }

    public static Secrets none() {
        return new Secrets(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean discord() {
        return discordToken.isPresent();
    }

    /** Socket Mode: bot token and app-level token. */
    public boolean slackSocketMode() {
        return slackBotToken.isPresent() && slackAppToken.isPresent();
    }

    /** HTTP mode: bot token and signing secret, without an app-level token. */
    public boolean slackHttpMode() {
        return slackBotToken.isPresent() && slackSigningSecret.isPresent() && slackAppToken.isEmpty();
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public String toString() {
        return "Secrets[discord=" + mark(discordToken) + ", slackBot=" + mark(slackBotToken) + ", slackApp=" + mark(slackAppToken)
                + ", slackSigning=" + mark(slackSigningSecret) + "]";
    }

    private static String mark(Optional<String> secret) {
        return secret.isPresent() ? "set" : "unset";
    }
}
