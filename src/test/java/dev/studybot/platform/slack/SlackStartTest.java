package dev.studybot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Acknowledgement;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.in.Response;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start-up says what is wrong: which token, or that Slack cannot be reached; no secret in the message. */
class SlackStartTest {
    private final CommandHandler handler = new CommandHandler() {
        @Override
        public Acknowledgement acknowledgement(Command command) {
            return Acknowledgement.ASKER;
        }

        @Override
        public Response handle(Command command) {
            return Response.toAsker(new Reply.Notice("ok"));
        }

        @Override
        public Response handleText(ChannelRef channel, Actor actor, String text) {
            return Response.toAsker(new Reply.Notice("ok"));
        }
    };
    private SlackEmulator emu;

    @BeforeEach
    void start() throws Exception {
        emu = new SlackEmulator();
    }

    @AfterEach
    void stop() throws Exception {
        emu.close();
    }

    private SlackAdapter adapter(String bot, Optional<String> app, Optional<String> secret, String base) {
        SlackAdapter a = new SlackAdapter(new SlackSettings(bot, app, secret, base, 0), Clock.systemUTC());
        a.bind(handler);
        return a;
    }

    @Test
    void aRefusedBotTokenIsNamed() {
        try (SlackAdapter a = adapter("xoxb-wrong-secret-value", Optional.of(SlackEmulator.APP_TOKEN), Optional.empty(), emu.apiBaseUrl())) {
            assertThatThrownBy(a::start).hasMessageContaining("SLACK_BOT_TOKEN").hasMessageContaining("invalid_auth")
                    .hasMessageNotContaining("wrong-secret-value");
        }
    }

    @Test
    void aRefusedAppTokenStopsSocketMode() {
        try (SlackAdapter a = adapter(SlackEmulator.BOT_TOKEN, Optional.of("xapp-wrong-secret-value"), Optional.empty(), emu.apiBaseUrl())) {
            assertThatThrownBy(a::start).hasMessageContaining("SLACK_APP_TOKEN").hasMessageContaining("invalid_auth")
                    .hasMessageNotContaining("wrong-secret-value");
        }
    }

    @Test
    void anUnreachableWebApiIsNamed() {
        try (SlackAdapter a = adapter(SlackEmulator.BOT_TOKEN, Optional.empty(), Optional.of("s"), "http://127.0.0.1:9/api")) {
            assertThatThrownBy(a::start).hasMessageContaining("http://127.0.0.1:9/api/").hasMessageContaining("cannot be reached");
        }
    }

    @Test
    void settingsNeverShowSecrets() {
        SlackSettings s = new SlackSettings("xoxb-secret-1", Optional.of("xapp-secret-2"), Optional.of("secret-3"), "", 3000);
        assertThat(s.toString()).doesNotContain("secret").contains("SOCKET");
        assertThat(s.methodsUrlPrefix()).isEmpty();
        assertThatThrownBy(() -> new SlackSettings("xoxb-1", Optional.empty(), Optional.empty(), "", 3000))
                .hasMessageContaining("SLACK_APP_TOKEN").hasMessageContaining("SLACK_SIGNING_SECRET");
    }
}
