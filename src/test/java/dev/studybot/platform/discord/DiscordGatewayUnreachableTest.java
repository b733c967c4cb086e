package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybot.bank.MemoryQuestionBank;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With the REST API answering but the gateway out of reach, the start ends with the gateway named instead of hanging. */
class DiscordGatewayUnreachableTest {

    @Test
    @Timeout(60)
    void anUnreachableGatewayIsNamedAtStartUp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String gateway = "ws://127.0.0.1:" + port + "/gateway";
        try (DiscordEmulator emu = DiscordEmulator.start()) {
            DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings("test-token", emu.restUrl(), gateway, List.of(), 500, 1),
                    null, new MemoryQuestionBank(List.of()));
            try {
                assertThatThrownBy(adapter::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("the Discord gateway at " + gateway + " cannot be reached");
            } finally {
                adapter.close();
            }
        }
    }
}
