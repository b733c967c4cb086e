package dev.studybot.config;

import java.util.Objects;

/**
 * studybot's configuration, bound from {@code config/studybot.yaml} (keys in kebab-case) with
 * {@code STUDYBOT_*} environment variables winning over the file. Every key is required; a
 * missing or invalid one stops the start with its name. {@code adapters} says which platforms
 * start ({@code auto}, {@code on}, {@code off} by platform name); each platform's own section is
 * bound to its module's record beside this one. Tokens are not here: they come from the environment.
 */
public record StudyConfig(String timezone, ScheduleConfig schedule, AdminConfig admin, AnswersConfig answers,
                          LeaderboardConfig leaderboard, DatabaseConfig database, BankConfig bank, GradingConfig grading,
                          OpsConfig ops, java.util.Map<String, String> adapters) {
    public StudyConfig {
        Checks.zone("timezone", timezone);
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(leaderboard, "leaderboard");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(grading, "grading");
        Objects.requireNonNull(ops, "ops");
        Objects.requireNonNull(adapters, "adapters");
        adapters = java.util.Map.copyOf(adapters);
        adapters.forEach((name, mode) -> Checks.oneOf("adapters." + name, mode, "auto", "on", "off"));
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

    /**
     * The database: {@code url} empty for the SQLite file at {@code path} (the default); a SQLite
     * file as a path or {@code jdbc:sqlite:PATH}; or {@code jdbc:postgresql://HOST:PORT/DB} for
     * PostgreSQL, whose user and password come from {@code STUDYBOT_DATABASE_USER} and
     * {@code STUDYBOT_DATABASE_PASSWORD}; and how long a writer waits for a lock before the request
     * is refused as busy.
     */
    public record DatabaseConfig(String path, String busyTimeout, String url) {
        static final String POSTGRES = "jdbc:postgresql://";
        static final String SQLITE = "jdbc:sqlite:";

        public DatabaseConfig {
            Checks.nonBlank("database.path", path);
            Checks.duration("database.busy-timeout", busyTimeout);
            url = url == null ? "" : url.strip();
            if (url.startsWith("jdbc:") && !url.startsWith(POSTGRES) && !url.startsWith(SQLITE)) {
                throw new ConfigException("database.url: '" + shown(url) + "' is neither a PostgreSQL URL "
                        + "(jdbc:postgresql://HOST:PORT/DB) nor a SQLite file (a path, or jdbc:sqlite:PATH)");
            }
            if (url.equals(SQLITE) || url.equals(SQLITE + ":memory:")) {
                throw new ConfigException("database.url: '" + url + "' names no SQLite file (jdbc:sqlite:PATH)");
            }
        }

        /** Whether the bot runs on PostgreSQL rather than a SQLite file. */
        public boolean postgres() {
            return isPostgres(url);
        }

        /** Whether a JDBC URL names a PostgreSQL database. */
        public static boolean isPostgres(String url) {
            return url.startsWith(POSTGRES);
        }

        /** A URL as it may be printed or logged: without its parameters, which may hold a password. */
        public static String shown(String url) {
            return url.replaceFirst("[?;].*$", "");
        }

        /** The SQLite file: the one {@code url} names, else {@code path}. */
        public String sqliteFile() {
            if (postgres() || url.isEmpty()) {
                return path;
            }
            return url.startsWith(SQLITE) ? url.substring(SQLITE.length()) : url;
        }
    }

    /**
     * The operations endpoint (liveness, readiness, Prometheus metrics): the port it listens on,
     * on every interface; 0 for none, and then nothing is counted either.
     */
    public record OpsConfig(int port) {
        public OpsConfig {
            Checks.range("ops.port", port, 0, 65535);
        }

        public boolean enabled() {
            return port > 0;
        }
    }

    /** The folder of question files; empty for the bank built into the jar. */
    public record BankConfig(String path) {
        public BankConfig {
            path = path == null ? "" : path.strip();
        }
    }

    /**
     * {@code semantic}: also match claims by meaning, with the sentence model inside the jar;
     * {@code llm}: an optional judge behind an OpenAI-compatible API (empty {@code base-url}: none).
     */
    public record GradingConfig(boolean semantic, LlmConfig llm) {
        public GradingConfig {
            Objects.requireNonNull(llm, "grading.llm");
        }
    }

    /** The judge's API base (…/v1), its model name, and how long a grade may wait for it. The key is {@code LLM_API_KEY}. */
    public record LlmConfig(String baseUrl, String model, String timeout) {
        public LlmConfig {
            baseUrl = baseUrl == null ? "" : baseUrl.strip();
            model = model == null ? "" : model.strip();
            if (!baseUrl.isEmpty() && !baseUrl.matches("https?://.+")) {
                throw new ConfigException("grading.llm.base-url: '" + baseUrl + "' is not an http(s) URL");
            }
            if (!baseUrl.isEmpty() && model.isEmpty()) {
                throw new ConfigException("grading.llm.model: missing (the judge needs a model name)");
            }
            Checks.duration("grading.llm.timeout", timeout);
        }
    }
}
