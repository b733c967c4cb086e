package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybot.bank.MemoryQuestionBank;
import dev.studybot.port.out.WorkspaceBanks;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Starting Discord with the API or the gateway out of reach names which one, as Slack's start does,
 * instead of a bare {@code -1: java.net...Exception} or a start that never ends.
 */
class DiscordUnreachableTest {

    /** A port on 127.0.0.1 that nothing listens on: every connection is refused. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static DiscordAdapter adapter(String rest, String gateway) {
        return new DiscordAdapter(new DiscordSettings("test-token", rest, gateway, List.of(), 500, 1, 50), null, WorkspaceBanks.shared(new MemoryQuestionBank(List.of())));
    }

    @Test
    @Timeout(60)
    void anUnreachableRestApiIsNamed() throws Exception {
        int port = closedPort();
        String base = "http://127.0.0.1:" + port + "/api/v10";
        DiscordAdapter adapter = adapter(base, "ws://127.0.0.1:" + port + "/gateway");
        try {
            assertThatThrownBy(adapter::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the Discord API at " + base + " cannot be reached: ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("-1:"));
        } finally {
            adapter.close();
        }
    }

    @Test
    @Timeout(60)
    void anUnreachableGatewayIsNamedWhileTheApiAnswers() throws Exception {
        String gateway = "ws://127.0.0.1:" + closedPort() + "/gateway";
        try (DiscordEmulator emu = DiscordEmulator.start()) {
            DiscordAdapter adapter = adapter(emu.restUrl(), gateway);
            try {
                assertThatThrownBy(adapter::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("the Discord gateway at " + gateway + " cannot be reached");
            } finally {
                adapter.close();
            }
        }
    }
}
