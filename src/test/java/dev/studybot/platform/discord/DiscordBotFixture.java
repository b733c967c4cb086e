package dev.studybot.platform.discord;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.config.ConfigLoader;
import dev.studybot.port.platform.Secrets;
import dev.studybot.config.StudyConfig;
import dev.studybot.domain.ChannelRef;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuGuild;
import dev.studybot.platform.discord.emulator.EmuUser;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * studybot's production wiring (real SQLite file, real question files, real Quartz) with the
 * Discord adapter connected to a {@link DiscordEmulator}; config comes through the real loader
 * with the {@code STUDYBOT_DISCORD_*} variables pointing at the emulator.
 */
final class DiscordBotFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final String BANK = """
            topic: Regularization
            questions:
              - id: reg-dropout
                question: What is dropout, and why does it reduce overfitting?
                level: basic
                answer: |
                  **Dropout** randomly zeroes activations during training, so units cannot co-adapt.
                key_points:
                  - [randomly drops units, randomly zeroes activations, random subset of neurons]
                  - [co-adaptation, co-adapt, rely on specific neurons]
                  - [ensemble, averaging many thinned networks]
                  - [scaled at inference, inverted dropout]
                tags: [dropout, overfitting]
            """;
    static final String BANK_2 = """
            topic: Optimization
            questions:
              - id: opt-adam
                question: How does Adam combine momentum and adaptive learning rates?
                level: intermediate
                answer: |
                  Adam keeps running averages of the gradient and of its square, with bias correction.
                key_points:
                  - [momentum, first moment]
                  - [second moment, squared gradient]
                  - [bias correction]
                tags: [adam, optimizer]
              - id: opt-lr-warmup
                question: Why use learning rate warmup?
                level: advanced
                answer: |
                  Early updates with a large learning rate can diverge before the adaptive statistics settle.
                key_points:
                  - [unstable, diverge]
                  - [small learning rate at first, gradually increase]
                tags: [warmup, schedule]
            """;

    final DiscordEmulator emu;
    final EmuGuild guild;
    final String general;
    final Path dir;
    final StudyConfig config;
    final Wiring wiring;
    final DiscordAdapter adapter;

    private DiscordBotFixture(DiscordEmulator emu, EmuGuild guild, Path dir, StudyConfig config, Wiring wiring, DiscordAdapter adapter) {
        this.emu = emu;
        this.guild = guild;
        this.general = guild.channel("general");
        this.dir = dir;
        this.config = config;
        this.wiring = wiring;
        this.adapter = adapter;
    }

    static DiscordBotFixture start(Path dir) throws Exception {
        return start(dir, (emu, g) -> { }, g -> Map.of(), h -> h);
    }

    /**
     * @param setup     shapes the emulated server before the bot connects
     * @param env       more {@code STUDYBOT_*} variables, given the server
     * @param handler   wraps the core's command handler (a test may slow it down)
     */
    static DiscordBotFixture start(Path dir, SetUp setup, Function<EmuGuild, Map<String, String>> env, UnaryOperator<CommandHandler> handler) throws Exception {
        DiscordEmulator emu = DiscordEmulator.start();
        EmuGuild guild = emu.addGuild("Study Group");
        setup.accept(emu, guild);
        Path questions = Files.createDirectories(dir.resolve("questions"));
        Files.writeString(questions.resolve("regularization.yaml"), BANK);
        Files.writeString(questions.resolve("optimization.yaml"), BANK_2);
        Map<String, String> vars = new HashMap<>(Map.of(
                "STUDYBOT_DISCORD_API_BASE_URL", emu.restUrl(),
                "STUDYBOT_DISCORD_GATEWAY_URL", emu.gatewayUrl(),
                "STUDYBOT_DATABASE_PATH", dir.resolve("studybot.db").toString(),
                "STUDYBOT_BANK_PATH", questions.toString(),
                "STUDYBOT_ANSWERS_MAX_LENGTH", "500",
                "STUDYBOT_SCHEDULE_RETRY_DELAY", "1s",
                "STUDYBOT_ADMIN_ROLES", "studybot-admin"));
        vars.putAll(env.apply(guild));
        DiscordModule module = new DiscordModule();
        ConfigLoader.Loaded loaded = new ConfigLoader().load(null, vars);
        StudyConfig config = loaded.config();
        Wiring wiring = new Wiring(Wiring.Options.of(config, Clock.systemUTC()));
        DiscordAdapter adapter;
        try {
            adapter = (DiscordAdapter) wiring.startPlatform(module, loaded.section(module),
                    Secrets.from(Map.of(DiscordModule.TOKEN, "test-token"), module.secretNames()), handler).platform();
            wiring.start();
        } catch (Exception | Error e) {
            wiring.close();
            emu.close();
            throw e;
        }
        return new DiscordBotFixture(emu, guild, dir, config, wiring, adapter);
    }

    /** Shapes the emulated server before the bot connects. */
    interface SetUp {
        void accept(DiscordEmulator emu, EmuGuild guild);
    }

    ChannelRef channel(String channelId) {
        return new ChannelRef(DiscordAdapter.NAME, guild.id(), channelId);
    }

    DiscordEmulator.Sent slash(EmuUser user, String path, Map<String, ?> options) {
        return emu.slash(user, guild, general, path, options);
    }

    DiscordEmulator.Sent slash(EmuUser user, String path) {
        return slash(user, path, Map.of());
    }

    /** The one callback of an interaction, once it arrived. */
    DiscordEmulator.Callback callback(DiscordEmulator.Sent sent) {
        await().atMost(WAIT).until(() -> !emu.callbacks(sent.id()).isEmpty());
        List<DiscordEmulator.Callback> callbacks = emu.callbacks(sent.id());
        if (callbacks.size() != 1) {
            throw new AssertionError("expected one callback, got " + callbacks.size());
        }
        return callbacks.get(0);
    }

    /** The finished reply of an interaction: its edited original, or its follow-up when the original was replaced. */
    Reply reply(DiscordEmulator.Sent sent) {
        callback(sent);
        await().atMost(WAIT).until(() -> finished(sent).isPresent());
        return finished(sent).get();
    }

    private Optional<Reply> finished(DiscordEmulator.Sent sent) {
        Optional<ObjectNode> original = emu.original(sent.token());
        if (original.isPresent() && (original.get().path("flags").asInt() & 128) == 0) {
            return Optional.of(new Reply(original.get(), (original.get().path("flags").asInt() & 64) != 0));
        }
        List<ObjectNode> followups = emu.followups(sent.token());
        if (original.isEmpty() && !followups.isEmpty()) {
            return Optional.of(new Reply(followups.get(0), (followups.get(0).path("flags").asInt() & 64) != 0));
        }
        return Optional.empty();
    }

    /** A finished reply: the message and whether only the asker sees it. */
    record Reply(ObjectNode message, boolean ephemeral) {
        String text() {
            return DiscordBotFixture.text(message);
        }
    }

    /** A message's text: content and every embed's description. */
    static String text(JsonNode message) {
        StringBuilder out = new StringBuilder(message.path("content").asText(""));
        for (JsonNode e : message.path("embeds")) {
            out.append('\n').append(e.path("title").asText("")).append('\n').append(e.path("description").asText(""));
        }
        return out.toString();
    }

    @Override
    public void close() {
        try {
            wiring.close();
        } finally {
            emu.close();
        }
    }
}
