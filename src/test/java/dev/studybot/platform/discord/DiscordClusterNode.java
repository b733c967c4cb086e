package dev.studybot.platform.discord;

import dev.studybot.config.ConfigLoader;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.platform.Secrets;
import dev.studybot.support.Postgres;
import dev.studybot.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * One studybot node of a cluster on a test PostgreSQL database: the production wiring with the
 * real Discord module against the emulator, config through the real loader.
 */
record DiscordClusterNode(Wiring wiring, ChatPlatform discord) implements AutoCloseable {
    /** Starts a node on {@code database} with a 2 s lease, the question file in {@code dir}, and {@code more} variables. */
    static DiscordClusterNode start(Path dir, DiscordEmulator emu, String database, Map<String, String> more) throws Exception {
        Path questions = Files.createDirectories(dir.resolve("questions"));
        Files.writeString(questions.resolve("regularization.yaml"), DiscordBotFixture.BANK);
        Map<String, String> vars = new HashMap<>(Map.of(
                "STUDYBOT_DISCORD_API_BASE_URL", emu.restUrl(),
                "STUDYBOT_DISCORD_GATEWAY_URL", emu.gatewayUrl(),
                "STUDYBOT_DISCORD_GATEWAY_LEASE_SECONDS", "2",
                "STUDYBOT_DATABASE_URL", database,
                "STUDYBOT_BANK_PATH", questions.toString(),
                "STUDYBOT_SCHEDULE_RETRY_DELAY", "1s"));
        vars.putAll(more);
        DiscordModule module = new DiscordModule();
        ConfigLoader.Loaded loaded = new ConfigLoader().load(null, vars);
        Wiring wiring = new Wiring(Wiring.Options.of(loaded.config(), Clock.systemUTC())
                .withDatabaseLogin(new Wiring.DatabaseLogin(Postgres.USER, Postgres.PASSWORD)));
        try {
            ChatPlatform discord = wiring.startPlatform(module, loaded.section(module),
                    Secrets.from(Map.of(DiscordModule.TOKEN, "test-token"), module.secretNames()), h -> h).platform();
            wiring.start();
            return new DiscordClusterNode(wiring, discord);
        } catch (Exception | Error e) {
            wiring.close();
            throw e;
        }
    }

    @Override
    public void close() {
        wiring.close();
    }
}
