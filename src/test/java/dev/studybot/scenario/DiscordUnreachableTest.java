package dev.studybot.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybot.bank.MemoryQuestionBank;
import dev.studybot.platform.discord.DiscordAdapter;
import dev.studybot.platform.discord.DiscordSettings;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting Discord with its API out of reach names the API, not a bare {@code -1: java.net...Exception}. */
class DiscordUnreachableTest {

    @Test
    @Timeout(60)
    void anUnreachableRestApiIsNamedAtStartUp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // nothing listens on the port now: every connection is refused
        String base = "http://127.0.0.1:" + port + "/api/v10";
        DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings("test-token", base, "ws://127.0.0.1:" + port + "/gateway",
                List.of(), 500, 1), null, new MemoryQuestionBank(List.of()));
        try {
            assertThatThrownBy(adapter::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the Discord API at " + base + " cannot be reached: ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("-1:"));
        } finally {
            adapter.close();
        }
    }
}
