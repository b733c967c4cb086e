package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.config.ConfigLoader;
import dev.studybot.domain.ChannelRef;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuGuild;
import dev.studybot.platform.discord.emulator.EmuUser;
import dev.studybot.support.Postgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharding with the real Discord module and JDA's ShardManager against the emulator: shards
 * spread over two nodes (listed, and taken through leases), posts to a server on the other node's
 * shard go out by REST once and pause nothing, commands work on every shard, 4011 stops a start
 * with the setting named (or starts it again with more shards), and identifies keep to
 * {@code max_concurrency} per window.
 */
class DiscordShardingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The identify window on both sides: Discord's 5 s would make every test wait. */
    private static final Duration WINDOW = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private DiscordClusterNode node(DiscordEmulator emu, String database, Map<String, String> more) throws Exception {
        Map<String, String> vars = new HashMap<>(more);
        vars.put("STUDYBOT_DISCORD_SHARDS_IDENTIFY_SECONDS", Double.toString(WINDOW.toMillis() / 1000.0));
        return DiscordClusterNode.start(dir, emu, database, vars);
    }

    /** Servers until each of {@code total} shards has one: the first server of each shard, by shard. */
    private static List<EmuGuild> oneServerPerShard(DiscordEmulator emu, int total) {
        ShardPlan plan = new ShardPlan(total);
        List<EmuGuild> byShard = new ArrayList<>(java.util.Collections.nCopies(total, (EmuGuild) null));
        for (int i = 0; byShard.contains(null); i++) {
            EmuGuild g = emu.addGuild("Server " + i);
            if (byShard.get(plan.shardOf(g.id())) == null) {
                byShard.set(plan.shardOf(g.id()), g);
            }
        }
        return byShard;
    }

    /** Three servers where a session may carry two: one shard is refused with 4011, two are needed. */
    private static void threeServersOverTwoAShard(DiscordEmulator emu, EmuGuild first) {
        emu.sharding(2, 1, WINDOW);
        emu.addGuild("Second");
        emu.addGuild("Third");
    }

    private static String say(DiscordEmulator emu, EmuUser user, EmuGuild guild, String path, Map<String, ?> options) {
        DiscordEmulator.Sent sent = emu.slash(user, guild, guild.channel("general"), path, options);
        await().atMost(WAIT).until(() -> emu.original(sent.token()).filter(m -> (m.path("flags").asInt() & 128) == 0).isPresent()
                || !emu.followups(sent.token()).isEmpty());
        assertThat(emu.callbacks(sent.id())).as("one acknowledgement, from the node holding the shard").hasSize(1);
        ObjectNode reply = emu.original(sent.token()).filter(m -> (m.path("flags").asInt() & 128) == 0)
                .orElseGet(() -> emu.followups(sent.token()).get(0));
        return DiscordBotFixture.text(reply);
    }

    @Test
    void shardSettingsAreCheckedAtStartWithTheKeyNamed() {
        ConfigLoader loader = new ConfigLoader();
        DiscordModule module = new DiscordModule();
        DiscordConfig.Shards defaults = loader.load(null, Map.of()).section(module).shards();
        assertThat(defaults.fixedTotal()).isEmpty();
        assertThat(defaults.fixedIds()).isEmpty();
        assertThat(defaults.identifySeconds()).isEqualTo(5.0);
        DiscordConfig.Shards listed = loader.load(null, Map.of("STUDYBOT_DISCORD_SHARDS_TOTAL", "8", "STUDYBOT_DISCORD_SHARDS_IDS", "0-2,6"))
                .section(module).shards();
        assertThat(listed.fixedTotal()).contains(8);
        assertThat(listed.fixedIds()).contains(java.util.Set.of(0, 1, 2, 6));
        assertThatThrownBy(() -> loader.load(null, Map.of("STUDYBOT_DISCORD_SHARDS_TOTAL", "two")))
                .hasMessage("discord.shards.total: expected auto or a number of shards (at least 1), got two");
        assertThatThrownBy(() -> loader.load(null, Map.of("STUDYBOT_DISCORD_SHARDS_IDS", "3-1")))
                .hasMessage("discord.shards.ids: the range 3-1 runs backwards");
        assertThatThrownBy(() -> loader.load(null, Map.of("STUDYBOT_DISCORD_SHARDS_IDS", "first")))
                .hasMessageStartingWith("discord.shards.ids: expected auto, or shard ids and ranges like 0-1 or 0,2");
        assertThatThrownBy(() -> loader.load(null, Map.of("STUDYBOT_DISCORD_SHARDS_TOTAL", "2", "STUDYBOT_DISCORD_SHARDS_IDS", "1-2")))
                .hasMessage("discord.shards.ids: shard 2 does not exist with discord.shards.total 2 (ids run from 0 to 1)");
    }

    @Test
    void twoNodesWithListedShardsAnswerTheirOwnAndPostToTheOthersServersByRestOnce() throws Exception {
        try (DiscordEmulator emu = DiscordEmulator.start()) {
            emu.sharding(2500, 1, WINDOW);
            List<EmuGuild> servers = oneServerPerShard(emu, 2);
            String locked = emu.addChannel(servers.get(1), "locked", DiscordEmulator.SEND_MESSAGES);
            String database = Postgres.database("discord_shards");
            try (DiscordClusterNode first = node(emu, database, Map.of("STUDYBOT_DISCORD_SHARDS_TOTAL", "2", "STUDYBOT_DISCORD_SHARDS_IDS", "0"));
                 DiscordClusterNode second = node(emu, database, Map.of("STUDYBOT_DISCORD_SHARDS_TOTAL", "2", "STUDYBOT_DISCORD_SHARDS_IDS", "1"))) {
                assertThat(emu.identifyLog()).extracting(DiscordEmulator.Identify::shard).containsExactlyInAnyOrder(0, 1);
                assertThat(emu.identifyLog()).allMatch(i -> i.total() == 2);
                assertThat(emu.connectedShards()).containsExactly(0, 1);

                for (EmuGuild server : servers) {
                    EmuUser mod = emu.moderator(server, "Mod");
                    assertThat(say(emu, mod, server, "schedule set", Map.of("when", "daily 09:00"))).doesNotContain("Paused");
                    assertThat(say(emu, emu.member(server, "Ann"), server, "topics", Map.of())).contains("Regularization");
                }

                // the first node holds shard 0 only: a server on shard 1 is not in its cache, and it posts there by REST
                EmuGuild elsewhere = servers.get(1);
                String general = elsewhere.channel("general");
                ChannelRef channel = new ChannelRef(DiscordAdapter.NAME, elsewhere.id(), general);
                assertThat(first.wiring().dailyPosts().postNow(channel)).hasToString("POSTED");
                List<ObjectNode> posted = emu.messages(general).stream().filter(m -> m.path("components").size() > 0).toList();
                assertThat(posted).as("one question post").hasSize(1);
                assertThat(emu.thread(posted.get(0).path("id").asText())).isPresent();
                assertThat(say(emu, emu.moderator(elsewhere, "Mod"), elsewhere, "schedule show", Map.of())).doesNotContain("Paused");

                // and the second node posts to the first node's server the same way
                EmuGuild home = servers.get(0);
                ChannelRef homeChannel = new ChannelRef(DiscordAdapter.NAME, home.id(), home.channel("general"));
                assertThat(second.wiring().dailyPosts().postNow(homeChannel)).hasToString("POSTED");
                assertThat(emu.messages(home.channel("general")).stream().filter(m -> m.path("components").size() > 0)).hasSize(1);

                // Discord's own 403 for a server on the other node's shard is a refusal: that schedule pauses, with the reason
                DiscordEmulator.Sent set = emu.slash(emu.moderator(elsewhere, "Mod"), elsewhere, locked, "schedule set", Map.of("when", "daily 09:00"));
                await().atMost(WAIT).until(() -> emu.original(set.token()).filter(m -> (m.path("flags").asInt() & 128) == 0).isPresent());
                assertThat(first.wiring().dailyPosts().postNow(new ChannelRef(DiscordAdapter.NAME, elsewhere.id(), locked)))
                        .hasToString("PAUSED");
                DiscordEmulator.Sent show = emu.slash(emu.moderator(elsewhere, "Mod"), elsewhere, locked, "schedule show", Map.of());
                await().atMost(WAIT).until(() -> emu.original(show.token()).filter(m -> (m.path("flags").asInt() & 128) == 0).isPresent());
                assertThat(DiscordBotFixture.text(emu.original(show.token()).get())).contains("Paused");
                assertThat(emu.identifyRefusals()).isZero();
                assertThat(emu.pings()).isEmpty();
            }
        }
    }

    @Test
    void withIdsAutoTheNodesShareTheShardsThroughLeasesAndTheSurvivorTakesThemAll() throws Exception {
        try (DiscordEmulator emu = DiscordEmulator.start()) {
            emu.sharding(2500, 1, WINDOW);
            List<EmuGuild> servers = oneServerPerShard(emu, 2);
            String database = Postgres.database("discord_shard_leases");
            Map<String, String> auto = Map.of("STUDYBOT_DISCORD_SHARDS_TOTAL", "2", "STUDYBOT_DISCORD_SHARDS_IDS", "auto");
            DiscordClusterNode first = node(emu, database, auto);
            try (DiscordClusterNode second = node(emu, database, auto)) {
                DiscordNode a = (DiscordNode) first.discord();
                DiscordNode b = (DiscordNode) second.discord();
                await().atMost(WAIT).until(() -> a.shards().size() == 1 && b.shards().size() == 1);
                assertThat(a.shards()).doesNotContainAnyElementsOf(b.shards());
                await().atMost(WAIT).until(() -> emu.connectedShards().size() == 2);
                for (EmuGuild server : servers) {
                    assertThat(say(emu, emu.member(server, "Ann"), server, "topics", Map.of())).contains("Regularization");
                }

                first.close();
                await().atMost(WAIT).until(() -> b.shards().size() == 2);
                await().atMost(WAIT).until(() -> emu.connectedShards().size() == 2);
                for (EmuGuild server : servers) {
                    assertThat(say(emu, emu.member(server, "Cy"), server, "topics", Map.of())).contains("Regularization");
                }
                assertThat(emu.identifyRefusals()).isZero();
            } finally {
                first.close();
            }
        }
    }

    @Test
    void closeCode4011StopsAFixedShardCountNamingTheSetting() throws Exception {
        assertThatThrownBy(() -> DiscordBotFixture.start(dir, DiscordShardingTest::threeServersOverTwoAShard, g -> Map.of("STUDYBOT_DISCORD_SHARDS_TOTAL", "1", "STUDYBOT_DISCORD_SHARDS_IDENTIFY_SECONDS", "0.3"), h -> h).close())
                .hasStackTraceContaining("4011")
                .hasStackTraceContaining("Set discord.shards.total to auto, or to more than 1 (Discord recommends 2)");
    }

    @Test
    void withTotalAutoA4011StartsAgainWithMoreShards() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir, (emu, g) -> {
            threeServersOverTwoAShard(emu, g);
            emu.recommend(1);
        }, g -> Map.of("STUDYBOT_DISCORD_SHARDS_IDENTIFY_SECONDS", "0.3"), h -> h)) {
            assertThat(bot.emu.shardingRequired()).as("the first start, on the one shard recommended").isEqualTo(1);
            assertThat(bot.adapter.shards().plan().total()).isEqualTo(2);
            assertThat(bot.emu.connectedShards()).containsExactly(0, 1);
            assertThat(bot.reply(bot.slash(bot.emu.member(bot.guild, "Ann"), "topics")).text()).contains("Regularization");
        }
    }

    @Test
    void withTotalAutoTheBotStartsWithTheShardsDiscordRecommends() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir, DiscordShardingTest::threeServersOverTwoAShard, g -> Map.of("STUDYBOT_DISCORD_SHARDS_IDENTIFY_SECONDS", "0.3"), h -> h)) {
            assertThat(bot.adapter.shards().plan().total()).isEqualTo(2);
            assertThat(bot.emu.connectedShards()).containsExactly(0, 1);
            assertThat(bot.emu.shardingRequired()).isZero();
            assertThat(bot.reply(bot.slash(bot.emu.member(bot.guild, "Ann"), "topics")).text()).contains("Regularization");
        }
    }

    @Test
    void fourShardsAtConcurrencyOneIdentifyAWindowApart() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir, (emu, g) -> emu.sharding(2500, 1, WINDOW),
                g -> Map.of("STUDYBOT_DISCORD_SHARDS_TOTAL", "4", "STUDYBOT_DISCORD_SHARDS_IDENTIFY_SECONDS", "0.3"), h -> h)) {
            List<DiscordEmulator.Identify> log = bot.emu.identifyLog();
            assertThat(log).extracting(DiscordEmulator.Identify::shard).containsExactly(0, 1, 2, 3);
            for (int i = 1; i < log.size(); i++) {
                assertThat(Duration.ofNanos(log.get(i).nanos() - log.get(i - 1).nanos())).isGreaterThanOrEqualTo(WINDOW);
            }
            assertThat(bot.emu.identifyRefusals()).isZero();
            assertThat(bot.emu.connectedShards()).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void atConcurrencyTwoShardsOfDifferentKeysIdentifyTogether() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir, (emu, g) -> emu.sharding(2500, 2, Duration.ofSeconds(2)),
                g -> Map.of("STUDYBOT_DISCORD_SHARDS_TOTAL", "4", "STUDYBOT_DISCORD_SHARDS_IDENTIFY_SECONDS", "2"), h -> h)) {
            List<DiscordEmulator.Identify> log = bot.emu.identifyLog();
            assertThat(log).extracting(DiscordEmulator.Identify::shard).containsExactly(0, 1, 2, 3);
            // shards 0 and 2 share key 0, 1 and 3 key 1: each key waits a window
            assertThat(Duration.ofNanos(log.get(2).nanos() - log.get(0).nanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(Duration.ofNanos(log.get(3).nanos() - log.get(1).nanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            // ... while a shard of the other key goes at once: shard 1 does not wait for shard 0's window, as shard 2 must
            assertThat(log.get(1).nanos() - log.get(0).nanos()).as("shard 1 identifies beside shard 0")
                    .isLessThan(log.get(2).nanos() - log.get(1).nanos());
            assertThat(bot.emu.identifyRefusals()).isZero();
        }
    }
}
