package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.domain.ChannelRef;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuGuild;
import dev.studybot.platform.discord.emulator.EmuUser;
import dev.studybot.support.Postgres;
import dev.studybot.wiring.Wiring;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL with the real Discord module against the emulator: one node holds
 * the gateway (one session, so every interaction reaches one node), the other posts by REST
 * alone, the same message, thread and results, and takes the gateway over when the first node
 * stops.
 */
class DiscordClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private record Node(Wiring wiring, DiscordNode discord) implements AutoCloseable {
        @Override
        public void close() {
            wiring.close();
        }
    }

    private Node node(DiscordEmulator emu, String database) throws Exception {
        DiscordClusterNode node = DiscordClusterNode.start(dir, emu, database, Map.of());
        return new Node(node.wiring(), (DiscordNode) node.discord());
    }

    @Test
    void oneNodeHoldsTheGatewayTheOtherPostsByRestAndTakesOverWhenTheFirstStops() throws Exception {
        try (DiscordEmulator emu = DiscordEmulator.start()) {
            EmuGuild guild = emu.addGuild("Study Group");
            String general = guild.channel("general");
            ChannelRef channel = new ChannelRef(DiscordAdapter.NAME, guild.id(), general);
            EmuUser mod = emu.moderator(guild, "Mod");
            String database = Postgres.database("discord_nodes");
            Node first = node(emu, database);
            try (Node second = node(emu, database)) {
                assertThat(first.discord().shards()).as("the first node holds the gateway").isNotEmpty();
                assertThat(second.discord().shards()).as("the second posts by REST").isEmpty();
                assertThat(emu.identifies()).as("one gateway session for both nodes").isEqualTo(1);
                assertThat(first.discord().connected()).as("ready: the holder, its session up").isTrue();
                assertThat(second.discord().connected()).as("ready: the other node, posting by REST").isTrue();

                DiscordEmulator.Sent set = emu.slash(mod, guild, general, "schedule set", Map.of("when", "daily 09:00"));
                await().atMost(WAIT).until(() -> emu.original(set.token()).isPresent());

                // the node without the gateway posts by REST: the question, its thread, then the close with results
                assertThat(second.wiring().dailyPosts().postNow(channel)).hasToString("POSTED");
                List<ObjectNode> posted = emu.messages(general).stream().filter(m -> m.path("type").asInt() == 0).toList();
                assertThat(posted).hasSize(1);
                ObjectNode question = posted.get(0);
                assertThat(question.path("components")).isNotEmpty();
                assertThat(question.path("nonce").asText()).startsWith("studybot-");
                assertThat(emu.thread(question.path("id").asText())).isPresent();
                assertThat(second.wiring().dailyPosts().postNow(channel)).hasToString("POSTED");
                assertThat(emu.messages(question.path("id").asText())).as("results in the first post's thread").isNotEmpty();
                assertThat(emu.pings()).isEmpty();

                first.close();
                await().atMost(WAIT).until(() -> !second.discord().shards().isEmpty());
                assertThat(emu.identifies()).isEqualTo(2);
                DiscordEmulator.Sent today = emu.slash(emu.member(guild, "Cy"), guild, general, "today", Map.of());
                await().atMost(WAIT).until(() -> emu.original(today.token()).isPresent());
                assertThat(DiscordBotFixture.text(emu.original(today.token()).get())).contains("dropout");
            } finally {
                first.close();
            }
        }
    }
}
