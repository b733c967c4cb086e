package dev.studybot.config;

import dev.studybot.port.platform.PlatformModule;
import dev.studybot.platform.discord.DiscordModule;
import dev.studybot.platform.slack.SlackModule;
import dev.studybot.port.platform.Secrets;
import dev.studybot.wiring.PlatformChoice;
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
        ConfigLoader.Loaded loaded = new ConfigLoader().load(SHIPPED, Map.of(
                "STUDYBOT_DATABASE_PATH", "/data/bot.db",
                "STUDYBOT_SCHEDULE_GRACE", "2h",
                "STUDYBOT_DISCORD_API_BASE_URL", "http://127.0.0.1:9999/api/v10/",
                "STUDYBOT_SLACK_HTTP_PORT", "8080",
                "STUDYBOT_ADAPTERS_CONSOLE", "off",
                "STUDYBOT_ADMIN_ROLES", "teachers, mods"), PlatformModule.installed());
        StudyConfig config = loaded.config();
        assertThat(config.database().path()).isEqualTo("/data/bot.db");
        assertThat(config.schedule().grace()).isEqualTo("2h");
        assertThat(loaded.section(new DiscordModule()).apiBaseUrl()).isEqualTo("http://127.0.0.1:9999/api/v10/");
        assertThat(loaded.section(new SlackModule()).httpPort()).isEqualTo(8080);
        assertThat(config.adapters()).containsEntry("console", "off").containsEntry("discord", "auto");
        assertThat(config.admin().roles()).containsExactly("teachers", "mods");
        assertThat(ConfigLoader.envName("discord.api-base-url")).isEqualTo("STUDYBOT_DISCORD_API_BASE_URL");
    }

    @Test
    void databaseUrlNamesASqliteFileOrPostgres() {
        java.util.function.Function<String, StudyConfig.DatabaseConfig> url = u ->
                new ConfigLoader().load(SHIPPED, Map.of("STUDYBOT_DATABASE_URL", u)).config().database();
        assertThat(url.apply("").sqliteFile()).isEqualTo("data/studybot.db");
        assertThat(url.apply("").postgres()).isFalse();
        assertThat(url.apply("/var/lib/studybot/bot.db").sqliteFile()).isEqualTo("/var/lib/studybot/bot.db");
        assertThat(url.apply("jdbc:sqlite:/var/lib/studybot/bot.db").sqliteFile()).isEqualTo("/var/lib/studybot/bot.db");
        assertThat(url.apply("jdbc:sqlite:/var/lib/studybot/bot.db").postgres()).isFalse();
        assertThat(url.apply("jdbc:postgresql://db:5432/studybot").postgres()).isTrue();
        assertThatThrownBy(() -> url.apply("jdbc:mysql://db/studybot?password=x")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.url: 'jdbc:mysql://db/studybot' is neither").hasMessageNotContaining("password");
        assertThatThrownBy(() -> url.apply("jdbc:sqlite::memory:")).hasMessageContaining("names no SQLite file");
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
        Secrets secrets = PlatformChoice.secrets(PlatformModule.installed(),
                Map.of("DISCORD_TOKEN", "abc.def.ghi", "SLACK_BOT_TOKEN", "xoxb-123", "SLACK_APP_TOKEN", "xapp-9", "HOME", "/root"));
        assertThat(secrets.toString()).doesNotContain("abc.def.ghi").doesNotContain("xoxb-123").doesNotContain("xapp-9")
                .contains("DISCORD_TOKEN=set").doesNotContain("HOME");
        assertThat(secrets.only(new DiscordModule().secretNames()).has("SLACK_BOT_TOKEN")).isFalse();
    }

    @Test
    void aPlatformSectionIsCheckedWithItsPath() throws IOException {
        assertThatThrownBy(() -> new ConfigLoader().load(variant("  http-port: 3000", "  http-port: 70000"), Map.of(), PlatformModule.installed()))
                .hasMessageContaining("slack.http-port");
        assertThatThrownBy(() -> new ConfigLoader().load(variant("  http-port: 3000", "  http-port: 3000\n  colour: blue"), Map.of(),
                        PlatformModule.installed()))
                .hasMessageContaining("slack.colour: unknown key");
        assertThatThrownBy(() -> new ConfigLoader().load(SHIPPED, Map.of("STUDYBOT_ADAPTERS_TEAMS", "on"), PlatformModule.installed()))
                .hasMessageContaining("adapters.teams: no such platform");
    }
}
