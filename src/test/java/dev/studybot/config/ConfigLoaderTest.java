package dev.studybot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Path SHIPPED = Path.of("config/studybot.yaml");

    @TempDir
    Path dir;

    private Path variant(String from, String to) throws IOException {
        String text = Files.readString(SHIPPED);
        assertThat(text).contains(from);
        Path file = dir.resolve("studybot.yaml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    @Test
    void theShippedConfigLoads() {
        StudyConfig config = new ConfigLoader().load(SHIPPED, Map.of()).config();
        assertThat(config.timezone()).isEqualTo("UTC");
        assertThat(config.database().path()).isEqualTo("data/studybot.db");
        assertThat(config.admin().roles()).containsExactly("studybot-admin");
    }

    @Test
    void environmentVariablesWinOverTheFile() {
        StudyConfig config = new ConfigLoader().load(SHIPPED, Map.of(
                "STUDYBOT_DATABASE_PATH", "/data/bot.db",
                "STUDYBOT_SCHEDULE_GRACE", "2h",
                "STUDYBOT_DISCORD_API_BASE_URL", "http://127.0.0.1:9999/api/v10/",
                "STUDYBOT_SLACK_HTTP_PORT", "8080",
                "STUDYBOT_ADMIN_ROLES", "teachers, mods")).config();
        assertThat(config.database().path()).isEqualTo("/data/bot.db");
        assertThat(config.schedule().grace()).isEqualTo("2h");
        assertThat(config.discord().apiBaseUrl()).isEqualTo("http://127.0.0.1:9999/api/v10/");
        assertThat(config.slack().httpPort()).isEqualTo(8080);
        assertThat(config.admin().roles()).containsExactly("teachers", "mods");
        assertThat(ConfigLoader.envName("discord.api-base-url")).isEqualTo("STUDYBOT_DISCORD_API_BASE_URL");
    }

    @Test
    void aMissingKeyFailsWithItsName() throws IOException {
        Path file = variant("  grace: 6h\n", "");
        assertThatThrownBy(() -> new ConfigLoader().load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("schedule.grace: missing");
    }

    @Test
    void invalidValuesFailWithTheKey() throws IOException {
        assertThatThrownBy(() -> new ConfigLoader().load(variant("timezone: UTC", "timezone: Mars/Base"), Map.of()))
                .hasMessageContaining("timezone: 'Mars/Base' is not an IANA timezone");
        assertThatThrownBy(() -> new ConfigLoader().load(variant("grace: 6h", "grace: soon"), Map.of()))
                .hasMessageContaining("schedule.grace: 'soon' is not a duration");
        assertThatThrownBy(() -> new ConfigLoader().load(SHIPPED, Map.of("STUDYBOT_ANSWERS_MAX_LENGTH", "5000")))
                .hasMessageContaining("answers.max-length: 5000 is outside 1..4000");
        assertThatThrownBy(() -> new ConfigLoader().load(SHIPPED, Map.of("STUDYBOT_ADAPTERS_SLACK", "maybe")))
                .hasMessageContaining("adapters.slack: 'maybe' is not one of auto, on, off");
    }

    @Test
    void anUnknownKeyIsNamed() throws IOException {
        assertThatThrownBy(() -> new ConfigLoader().load(variant("  busy-timeout: 5s", "  busy-timeout: 5s\n  pool-size: 3"), Map.of()))
                .hasMessageContaining("database.pool-size: unknown key");
    }

    @Test
    void secretsNeverShowInText() {
        Secrets secrets = Secrets.from(Map.of("DISCORD_TOKEN", "abc.def.ghi", "SLACK_BOT_TOKEN", "xoxb-123", "SLACK_APP_TOKEN", "xapp-9"));
        assertThat(secrets.toString()).doesNotContain("abc.def.ghi").doesNotContain("xoxb-123").doesNotContain("xapp-9").contains("discord=set");
        assertThat(secrets.slackSocketMode()).isTrue();
        assertThat(secrets.slackHttpMode()).isFalse();
    }
}
