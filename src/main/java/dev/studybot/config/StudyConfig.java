package dev.studybot.config;

import java.util.Objects;

/**
 * studybot's configuration, bound from {@code config/studybot.yaml} (keys in kebab-case) with
 * {@code STUDYBOT_*} environment variables winning over the file. Every key is required; a
 * missing or invalid one stops the start with its name. Tokens are not here: see {@link Secrets}.
 */
public record StudyConfig(String timezone, ScheduleConfig schedule, AdminConfig admin, AnswersConfig answers,
                          LeaderboardConfig leaderboard, DatabaseConfig database, BankConfig bank,
                          AdaptersConfig adapters, DiscordConfig discord, SlackConfig slack) {
    public StudyConfig {
        Checks.zone("timezone", timezone);
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(leaderboard, "leaderboard");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(adapters, "adapters");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(slack, "slack");
    }

    /** {@code grace}: how late a missed post may still go out; {@code close-after}: empty to close at the next post. */
    public record ScheduleConfig(String grace, String closeAfter, String retryDelay) {
        public ScheduleConfig {
            Checks.duration("schedule.grace", grace);
            Checks.optionalDuration("schedule.close-after", closeAfter);
            Checks.duration("schedule.retry-delay", retryDelay);
        }
    }

    /** Role (Discord) or user-group (Slack) names whose members count as admins, beside the platform's own admins. */
    public record AdminConfig(java.util.List<String> roles) {
        public AdminConfig {
            roles = roles == null ? java.util.List.of() : java.util.List.copyOf(roles);
        }
    }

    /** The longest answer accepted, in characters (Discord's modal allows 4000). */
    public record AnswersConfig(int maxLength) {
        public AnswersConfig {
            Checks.range("answers.max-length", maxLength, 1, 4000);
        }
    }

    /** How many rows a leaderboard shows. */
    public record LeaderboardConfig(int size) {
        public LeaderboardConfig {
            Checks.range("leaderboard.size", size, 1, 50);
        }
    }

    /** The SQLite file, and how long a writer waits for a lock before the request is refused as busy. */
    public record DatabaseConfig(String path, String busyTimeout) {
        public DatabaseConfig {
            Checks.nonBlank("database.path", path);
            Checks.duration("database.busy-timeout", busyTimeout);
        }
    }

    /** The folder of question files. */
    public record BankConfig(String path) {
        public BankConfig {
            Checks.nonBlank("bank.path", path);
        }
    }

    /** Which adapters start: {@code auto} (console when no platform token is set; others when their tokens are), {@code on}, {@code off}. */
    public record AdaptersConfig(String console, String discord, String slack) {
        public AdaptersConfig {
            Checks.oneOf("adapters.console", console, "auto", "on", "off");
            Checks.oneOf("adapters.discord", discord, "auto", "on", "off");
            Checks.oneOf("adapters.slack", slack, "auto", "on", "off");
        }
    }

    /**
     * Discord: REST and gateway base URLs (empty for Discord itself; a REST proxy or an emulator
     * otherwise), and {@code guilds}: empty to register {@code /study} globally, else those guild ids only.
     */
    public record DiscordConfig(String apiBaseUrl, String gatewayUrl, java.util.List<String> guilds) {
        public DiscordConfig {
            apiBaseUrl = apiBaseUrl == null ? "" : apiBaseUrl.strip();
            gatewayUrl = gatewayUrl == null ? "" : gatewayUrl.strip();
            guilds = guilds == null ? java.util.List.of() : java.util.List.copyOf(guilds);
        }
    }

    /** Slack: the Web API base (empty for slack.com), and the port of HTTP mode. */
    public record SlackConfig(String apiBaseUrl, int httpPort) {
        public SlackConfig {
            apiBaseUrl = apiBaseUrl == null ? "" : apiBaseUrl.strip();
            Checks.range("slack.http-port", httpPort, 0, 65535);
        }
    }
}
