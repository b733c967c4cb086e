package dev.studybot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.studybot.port.in.CommandCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifests in config/ declare what the adapter uses: /study, interactivity, the scopes of its Web API calls. */
class SlackManifestTest {
    private static final List<String> SCOPES = SlackConfig.SCOPES;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    private JsonNode read(String file) throws IOException {
        return yaml.readTree(Path.of("config", file).toFile());
    }

    private static void common(JsonNode m) {
        JsonNode command = m.path("features").path("slash_commands").get(0);
        assertThat(command.path("command").asText()).isEqualTo("/study");
        assertThat(command.path("should_escape").asBoolean()).isTrue();
        assertThat(command.path("usage_hint").asText()).as("made from the core's command catalog").isEqualTo(CommandCatalog.usageHint());
        assertThat(command.path("usage_hint").asText().length()).isLessThanOrEqualTo(100);
        assertThat(m.path("display_information").path("description").asText().length()).isLessThanOrEqualTo(140);
        List<String> scopes = new ArrayList<>();
        m.path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
        assertThat(scopes).containsExactlyInAnyOrderElementsOf(SCOPES);
        assertThat(m.path("settings").path("interactivity").path("is_enabled").asBoolean()).isTrue();
        assertThat(m.path("features").path("app_home").path("messages_tab_enabled").asBoolean()).isTrue();
        // an admin shares a question list in studybot's direct messages, or mentions it with the file in a channel
        assertThat(m.path("features").path("app_home").path("messages_tab_read_only_enabled").asBoolean()).isFalse();
        List<String> events = new ArrayList<>();
        m.path("settings").path("event_subscriptions").path("bot_events").forEach(e -> events.add(e.asText()));
        assertThat(events).contains("file_shared", "app_mention");
    }

    @Test
    void socketModeManifest() throws IOException {
        JsonNode m = read("slack-manifest.yaml");
        common(m);
        assertThat(m.path("settings").path("socket_mode_enabled").asBoolean()).isTrue();
        assertThat(m.path("display_information").path("long_description").asText().length()).isBetween(175, 4000);
    }

    @Test
    void httpModeManifestPointsBothUrlsAtTheEventsPath() throws IOException {
        JsonNode m = read("slack-manifest-http.yaml");
        common(m);
        assertThat(m.path("settings").path("socket_mode_enabled").asBoolean()).isFalse();
        assertThat(m.path("settings").path("interactivity").path("request_url").asText()).endsWith(SlackHttpServer.PATH);
        assertThat(m.path("features").path("slash_commands").get(0).path("url").asText()).endsWith(SlackHttpServer.PATH);
    }

    @Test
    void distributedManifestRegistersTheRedirectAndTheUninstallEvents() throws IOException {
        JsonNode m = read("slack-manifest-distributed.yaml");
        common(m);
        SlackConfig defaults = new SlackConfig("", 3000, null, null, null, null, null, null, null, null);
        assertThat(m.path("oauth_config").path("redirect_urls").get(0).asText()).endsWith(defaults.redirectPath());
        JsonNode events = m.path("settings").path("event_subscriptions");
        assertThat(events.path("request_url").asText()).endsWith(SlackHttpServer.PATH);
        List<String> bot = new ArrayList<>();
        events.path("bot_events").forEach(e -> bot.add(e.asText()));
        assertThat(bot).containsExactlyInAnyOrder("app_uninstalled", "tokens_revoked", "file_shared", "app_mention");
        assertThat(m.path("settings").path("socket_mode_enabled").asBoolean()).isFalse();
        assertThat(m.path("settings").path("token_rotation_enabled").asBoolean()).isTrue();
        assertThat(m.path("features").path("slash_commands").get(0).path("url").asText()).endsWith(SlackHttpServer.PATH);
    }

    @Test
    void theShippedConfigAsksForTheManifestsScopes() throws IOException {
        JsonNode slack = yaml.readTree(Path.of("config", "studybot.yaml").toFile()).path("slack");
        List<String> scopes = new ArrayList<>();
        slack.path("scopes").forEach(s -> scopes.add(s.asText()));
        assertThat(scopes).containsExactlyElementsOf(SCOPES);
        assertThat(slack.path("mode").asText()).isEqualTo(SlackConfig.SINGLE);
    }
}
