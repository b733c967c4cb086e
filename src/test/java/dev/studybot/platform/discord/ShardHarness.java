package dev.studybot.platform.discord;

import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuGuild;
import dev.studybot.support.Nodes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Load harness for sharded Discord (not a test): the emulator with {@code harness.guilds} servers
 * (5,000) dealt over {@code harness.shards} shards (4) by {@code (id >> 22) % total}, Discord's
 * identify limit switched on ({@code harness.concurrency} per 5 s, 1), and the packaged bot as
 * {@code harness.nodes} processes (2) on one embedded PostgreSQL, each with its listed shards
 * ({@code discord.shards.ids} 0-1 and 2-3). Measures each node's start-to-ready (launch until it
 * logs that it is ready, all its shards loaded), its peak RSS (VmHWM) at ready and after the load,
 * and the acknowledgement of {@code /study search} in servers on every shard at
 * {@code harness.rate} (50) a second: INTERACTION_CREATE to the callback request, at the emulator.
 * Run: {@code mvn -q -B package -DskipTests && mvn -q -B exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.studybot.platform.discord.ShardHarness}; {@code harness.jvmArgs} for the nodes' JVMs
 * (e.g. "-Xmx256m -XX:+UseSerialGC"), {@code harness.seconds} (30 measured) and {@code harness.warmup} (20).
 */
public final class ShardHarness {
    private static final String[] WORDS = {"dropout", "attention heads", "batch normalization", "gradient clipping", "learning rate",
        "overfitting", "vanishing gradients", "transformer", "convolution", "regularization"};

    private ShardHarness() {
    }

    public static void main(String[] args) throws Exception {
        int guildCount = Integer.getInteger("harness.guilds", 5000);
        int shards = Integer.getInteger("harness.shards", 4);
        int nodes = Integer.getInteger("harness.nodes", 2);
        int concurrency = Integer.getInteger("harness.concurrency", 1);
        int rate = Integer.getInteger("harness.rate", 50);
        int seconds = Integer.getInteger("harness.seconds", 30);
        int warmup = Integer.getInteger("harness.warmup", 20);
        List<String> jvmArgs = java.util.Arrays.stream(System.getProperty("harness.jvmArgs", "").split("\\s+")).filter(a -> !a.isBlank()).toList();
        Path jar = Path.of("target", "studybot.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: mvn -q -B package -DskipTests");
        }
        if (shards % nodes != 0) {
            throw new IllegalArgumentException("harness.shards must divide evenly over harness.nodes");
        }
        Path dir = Files.createTempDirectory("studybot-shards");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofMinutes(1)).start();
        try (DiscordEmulator emu = DiscordEmulator.start()) {
            emu.sharding(2500, concurrency, Duration.ofSeconds(5));
            ShardPlan plan = new ShardPlan(shards);
            List<EmuGuild> guilds = new ArrayList<>();
            int[] perShard = new int[shards];
            for (int i = 0; i < guildCount; i++) {
                EmuGuild g = emu.addGuild("Server " + i);
                guilds.add(g);
                perShard[plan.shardOf(g.id())]++;
            }
            Map<String, String> env = new HashMap<>();
            env.put("DISCORD_TOKEN", "load-token");
            env.put("STUDYBOT_DISCORD_API_BASE_URL", emu.restUrl());
            env.put("STUDYBOT_DISCORD_GATEWAY_URL", emu.gatewayUrl());
            env.put("STUDYBOT_DISCORD_SHARDS_TOTAL", Integer.toString(shards));
            env.put("STUDYBOT_BANK_PATH", Path.of("questions").toAbsolutePath().toString());
            env.put("STUDYBOT_ADAPTERS_CONSOLE", "off");
            env.put("STUDYBOT_ADAPTERS_SLACK", "off");
            env.put("STUDYBOT_DATABASE_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
            env.put("STUDYBOT_DATABASE_USER", "postgres");
            env.put("STUDYBOT_DATABASE_PASSWORD", "postgres");

            int each = shards / nodes;
            List<Process> bots = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            long[] launched = new long[nodes];
            long[] ready = new long[nodes];
            long[] peakAtReady = new long[nodes];
            try {
                for (int n = 0; n < nodes; n++) {
                    Map<String, String> mine = new HashMap<>(env);
                    mine.put("STUDYBOT_DISCORD_SHARDS_IDS", (n * each) + "-" + (n * each + each - 1));
                    Path nodeDir = Files.createDirectories(dir.resolve("node-" + n));
                    logs.add(nodeDir.resolve("bot.log"));
                    launched[n] = System.nanoTime();
                    bots.add(Nodes.launch(jar, jvmArgs, mine, logs.get(n)));
                }
                // every node at once, as a deployment rolls them out: the identify limit spaces their shards
                while (java.util.Arrays.stream(ready).anyMatch(r -> r == 0)) {
                    for (int n = 0; n < nodes; n++) {
                        if (ready[n] == 0 && Nodes.logged(logs.get(n), "studybot is ready")) {
                            ready[n] = System.nanoTime();
                            peakAtReady[n] = Nodes.status(bots.get(n).pid(), "VmHWM");
                        }
                        if (!bots.get(n).isAlive()) {
                            throw new IllegalStateException("node " + n + " exited; log:\n" + Nodes.tail(logs.get(n)));
                        }
                    }
                    if (System.nanoTime() - launched[0] > Duration.ofMinutes(5).toNanos()) {
                        throw new IllegalStateException("the nodes were not ready within 5 minutes");
                    }
                    TimeUnit.MILLISECONDS.sleep(20);
                }

                Random random = new Random(42);
                IntFunction<DiscordEmulator.Sent> searches = n -> {
                    EmuGuild g = guilds.get(random.nextInt(guilds.size()));
                    return emu.slash(emu.member(g, "searcher" + n), g, g.channel("general"), "search",
                            Map.of("words", WORDS[random.nextInt(WORDS.length)]));
                };
                DiscordLoadHarness.Result result = DiscordLoadHarness.run(emu, rate, warmup, seconds, bots.get(0), dir.resolve("node-0"), searches);

                System.out.printf(Locale.ROOT, "%nSharded Discord harness: %d servers over %d shards (per shard %s), %d nodes, max_concurrency %d, JVM args '%s', %d cores%n",
                        guildCount, shards, java.util.Arrays.toString(perShard), nodes, concurrency, String.join(" ", jvmArgs), Runtime.getRuntime().availableProcessors());
                for (int n = 0; n < nodes; n++) {
                    System.out.printf(Locale.ROOT, "node %d (shards %d-%d): start to ready %.2f s, peak RSS at ready %d MB, after the load %d MB%n",
                            n, n * each, n * each + each - 1, (ready[n] - launched[n]) / 1e9, peakAtReady[n] / 1024,
                            Nodes.status(bots.get(n).pid(), "VmHWM") / 1024);
                }
                List<DiscordEmulator.Identify> identifies = emu.identifyLog();
                long first = identifies.get(0).nanos();
                System.out.printf(Locale.ROOT, "identifies (shard at seconds after the first): %s; refused for the rate limit: %d%n",
                        identifies.stream().map(i -> String.format(Locale.ROOT, "%d@%.1f", i.shard(), (i.nanos() - first) / 1e9)).toList(),
                        emu.identifyRefusals());
                System.out.printf(Locale.ROOT, "machine load average during the run: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
                System.out.printf(Locale.ROOT, "%-30s %6s %8s %8s %8s %8s | %10s %10s%n", "at " + rate + "/s, after " + warmup + " s warm-up", "n",
                        "ack p50", "ack p99", "ack max", "late", "reply p50", "reply p99");
                result.print("/study search, every shard");
            } finally {
                Nodes.stop(bots);
            }
        } finally {
            postgres.close();
        }
    }
}
