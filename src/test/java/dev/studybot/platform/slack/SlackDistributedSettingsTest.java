package dev.studybot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybot.port.platform.Secrets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Distributed mode's settings: what it needs, what it refuses, what it never shows; and the cipher of stored tokens. */
class SlackDistributedSettingsTest {
    private static SlackConfig config(String mode, String clientId, String publicUrl) {
        return new SlackConfig("", 3000, null, mode, clientId, publicUrl, null, null, null, null);
    }

    @Test
    void distributedNeedsTheClientIdThePublicUrlAndTheSecrets() {
        assertThatThrownBy(() -> config("distributed", "", "https://studybot.example.org")).hasMessageContaining("slack.client-id");
        assertThatThrownBy(() -> config("distributed", "1.2", "")).hasMessageContaining("slack.public-url");
        assertThatThrownBy(() -> config("sharded", "", "")).hasMessageContaining("slack.mode must be single or distributed");
        assertThatThrownBy(() -> new SlackConfig("", 3000, null, null, null, null, "/slack/events", null, null, null))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> new SlackConfig("", 3000, null, null, null, null, "install", null, null, null))
                .hasMessageContaining("slack.install-path must be a path starting with /");

        SlackConfig c = config("distributed", "1.2", "https://studybot.example.org/");
        assertThat(c.publicUrl()).isEqualTo("https://studybot.example.org");
        List<String> names = new SlackModule().secretNames();
        assertThatThrownBy(() -> SlackSettings.from(c, Secrets.from(Map.of("SLACK_SIGNING_SECRET", "s"), names)))
                .hasMessageContaining("SLACK_CLIENT_SECRET");
        assertThatThrownBy(() -> SlackSettings.from(c, Secrets.from(Map.of("SLACK_CLIENT_SECRET", "c"), names)))
                .hasMessageContaining("SLACK_SIGNING_SECRET");
        assertThatThrownBy(() -> SlackSettings.from(c, Secrets.from(Map.of("SLACK_CLIENT_SECRET", "c", "SLACK_SIGNING_SECRET", "s",
                "SLACK_BOT_TOKEN", "xoxb-1"), names))).hasMessageContaining("unset SLACK_BOT_TOKEN");
        assertThat(new SlackModule().hasCredentials(Secrets.from(Map.of("SLACK_CLIENT_SECRET", "c"), names))).isTrue();
        assertThatThrownBy(() -> SlackSettings.from(config("single", "", ""), Secrets.from(Map.of("SLACK_CLIENT_SECRET", "c"), names)))
                .hasMessageContaining("SLACK_BOT_TOKEN is not set (or set slack.mode: distributed)");
    }

    @Test
    void theSettingsShowTheRedirectButNoSecret() {
        SlackSettings s = SlackSettings.from(config("distributed", "1.2", "https://studybot.example.org"), Secrets.from(Map.of(
                "SLACK_CLIENT_SECRET", "client-secret-1", "SLACK_SIGNING_SECRET", "signing-secret-2", "SLACK_TOKEN_KEY",
                SlackDistributedBot.TOKEN_KEY), new SlackModule().secretNames()));
        assertThat(s.distribution().orElseThrow().redirectUri()).isEqualTo("https://studybot.example.org/slack/oauth_redirect");
        assertThat(s.toString()).contains("HTTP", "https://studybot.example.org/slack/install", "encrypted")
                .doesNotContain("secret-1", "secret-2", SlackDistributedBot.TOKEN_KEY);
    }

    @Test
    void storedTokensAreSealedWithTheKeyAndOpenOnlyWithIt() {
        SlackTokenCipher cipher = new SlackTokenCipher(Optional.of(SlackDistributedBot.TOKEN_KEY));
        String sealed = cipher.seal("xoxb-123-secret");
        assertThat(sealed).startsWith("v1:").doesNotContain("xoxb").isNotEqualTo(cipher.seal("xoxb-123-secret"));
        assertThat(cipher.open(sealed)).isEqualTo("xoxb-123-secret");
        assertThat(cipher.open("xoxb-stored-before-a-key")).isEqualTo("xoxb-stored-before-a-key");

        SlackTokenCipher other = new SlackTokenCipher(Optional.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("does not open with SLACK_TOKEN_KEY");
        SlackTokenCipher none = new SlackTokenCipher(Optional.empty());
        assertThat(none.seal("xoxb-plain")).isEqualTo("xoxb-plain");
        assertThatThrownBy(() -> none.open(sealed)).hasMessageContaining("set SLACK_TOKEN_KEY");
        assertThatThrownBy(() -> new SlackTokenCipher(Optional.of("c2hvcnQ="))).hasMessageContaining("32 bytes");
    }

    @Test
    void aWorkspaceKeyCarriesItsOrganisation() {
        assertThat(SlackWorkspace.of("E1", "T1").key(true)).isEqualTo("E1/T1");
        assertThat(SlackWorkspace.of("E1", "T1").key(false)).isEqualTo("T1");
        assertThat(SlackWorkspace.of(null, "T1").key(true)).isEqualTo("T1");
        assertThat(SlackWorkspace.parse("E1/T1")).isEqualTo(SlackWorkspace.of("E1", "T1"));
        assertThat(SlackWorkspace.parse("T1")).isEqualTo(SlackWorkspace.of(null, "T1"));
    }
}
