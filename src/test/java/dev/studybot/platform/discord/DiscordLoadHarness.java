package dev.studybot.platform.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuGuild;
import dev.studybot.platform.discord.emulator.EmuUser;
import dev.studybot.support.Nodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Load harness for the Discord adapter (not a test): starts the emulator with 1,000 servers, runs
 * the packaged bot ({@code target/studybot.jar}) as its own process against it, and measures
 * <ul>
 *   <li>start-to-ready: from launching the process until {@code /study} is registered, which the
 *       bot does once every server is loaded;</li>
 *   <li>peak RSS of the bot process (VmHWM), at ready and after the load;</li>
 *   <li>INTERACTION_CREATE to callback request (and to the finished reply) for {@code /study search}
 *       and for the Reveal button at 50 interactions per second.</li>
 * </ul>
 * Run: {@code mvn -q -B package -DskipTests && mvn -q -B exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.studybot.platform.discord.DiscordLoadHarness}. System properties:
 * {@code harness.guilds} (1000), {@code harness.rate} (50 per second), {@code harness.warmup} (20 seconds of
 * both kinds, not measured), {@code harness.seconds} (30 measured per scenario), {@code harness.jvmArgs}
 * (for the bot's JVM, e.g. "-Xmx256m").
 */
public final class DiscordLoadHarness {
    private static final String[] WORDS = {"dropout", "attention heads", "batch normalization", "gradient clipping", "learning rate",
        "overfitting", "vanishing gradients", "transformer", "convolution", "regularization", "adam optimizer", "embedding",
        "residual connections", "beam search", "reinforcement learning reward"};

    private DiscordLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int guildCount = Integer.getInteger("harness.guilds", 1000);
        int rate = Integer.getInteger("harness.rate", 50);
        int seconds = Integer.getInteger("harness.seconds", 30);
        int warmup = Integer.getInteger("harness.warmup", 20);
        String jvmArgs = System.getProperty("harness.jvmArgs", "");
        Path jar = Path.of("target", "studybot.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: mvn -q -B package -DskipTests");
        }
        Path dir = Files.createTempDirectory("studybot-discord-load");
        try (DiscordEmulator emu = DiscordEmulator.start()) {
            List<EmuGuild> guilds = new ArrayList<>();
            for (int i = 0; i < guildCount; i++) {
                guilds.add(emu.addGuild("Server " + i));
            }
            EmuGuild home = guilds.get(0);
            String general = home.channel("general");

            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            Arrays.stream(jvmArgs.split("\\s+")).filter(a -> !a.isBlank()).forEach(command::add);
            command.addAll(List.of("-jar", jar.toString(), "run"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("bot.log").toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("STUDYBOT_") || k.startsWith("SLACK_"));
            env.put("DISCORD_TOKEN", "load-token");
            env.put("STUDYBOT_DISCORD_API_BASE_URL", emu.restUrl());
            env.put("STUDYBOT_DISCORD_GATEWAY_URL", emu.gatewayUrl());
            env.put("STUDYBOT_DATABASE_PATH", dir.resolve("studybot.db").toString());
            env.put("STUDYBOT_BANK_PATH", Path.of("questions").toAbsolutePath().toString());
            env.put("STUDYBOT_ADAPTERS_CONSOLE", "off");
            env.put("STUDYBOT_ADAPTERS_SLACK", "off");

            long launched = System.nanoTime();
            Process bot = pb.start();
            try {
                waitFor("the bot to register /study", Duration.ofMinutes(3), bot, dir, () -> emu.commandsRegisteredNanos() != 0);
                long ready = emu.commandsRegisteredNanos();
                long rssAtReady = status(bot.pid(), "VmRSS");
                long peakAtReady = status(bot.pid(), "VmHWM");

                EmuUser mod = emu.moderator(home, "Mod");
                answered(emu, emu.slash(mod, home, general, "schedule set", Map.of("when", "daily 09:00")), bot, dir);
                answered(emu, emu.slash(mod, home, general, "post", Map.of()), bot, dir);
                ObjectNode post = emu.messages(general).stream().filter(m -> !m.path("components").isEmpty()).reduce((a, b) -> b).orElseThrow();
                String postMessage = post.path("id").asText();
                String reveal = post.path("components").get(0).path("components").get(1).path("custom_id").asText();

                Random random = new Random(42);
                IntFunction<DiscordEmulator.Sent> searches = n -> emu.slash(emu.member(home, "searcher" + n), home, general, "search",
                        Map.of("words", WORDS[random.nextInt(WORDS.length)]));
                IntFunction<DiscordEmulator.Sent> revealClicks = n -> emu.button(emu.member(home, "revealer" + n), home, postMessage, reveal);
                // warm-up, not measured: both kinds, so the JIT has compiled the paths before anything is timed
                run(emu, rate, warmup, 0, bot, dir, n -> n % 2 == 0 ? searches.apply(1_000_000 + n) : revealClicks.apply(1_000_000 + n));
                Result search = run(emu, rate, 1, seconds, bot, dir, searches);
                Result reveals = run(emu, rate, 1, seconds, bot, dir, revealClicks);
                long peakAfter = status(bot.pid(), "VmHWM");
                long rssAfter = status(bot.pid(), "VmRSS");
                long threads = status(bot.pid(), "Threads");
                String heap = heapInfo(bot.pid());

                System.out.printf(Locale.ROOT, "%nDiscord adapter load harness: %d servers, bot JVM args '%s', %d cores%n", guildCount, jvmArgs,
                        Runtime.getRuntime().availableProcessors());
                System.out.printf(Locale.ROOT, "start to ready (process launch to /study registered): %.2f s%n", (ready - launched) / 1e9);
                System.out.printf(Locale.ROOT, "RSS at ready %d MB, peak at ready %d MB; after the load: RSS %d MB, peak %d MB%n",
                        rssAtReady / 1024, peakAtReady / 1024, rssAfter / 1024, peakAfter / 1024);
                System.out.printf(Locale.ROOT, "bot threads %d; heap after the load: %s%n", threads, heap);
                System.out.printf(Locale.ROOT, "machine load average during the run: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
                System.out.printf(Locale.ROOT, "%-30s %6s %8s %8s %8s %8s | %10s %10s%n", "at " + rate + "/s, after " + warmup + " s warm-up", "n",
                        "ack p50", "ack p99", "ack max", "late", "reply p50", "reply p99");
                search.print("/study search");
                reveals.print("Reveal button");
            } finally {
                bot.destroy();
                if (!bot.waitFor(20, TimeUnit.SECONDS)) {
                    bot.destroyForcibly();
                }
            }
        }
    }

    /** Sends interactions at a fixed rate: {@code unmeasured} seconds, then {@code seconds} measured; {@code dir} holds the bot's {@code bot.log}. */
    static Result run(DiscordEmulator emu, int rate, int unmeasured, int seconds, Process bot, Path dir,
                              IntFunction<DiscordEmulator.Sent> send) throws Exception {
        int warmup = rate * unmeasured;
        int total = warmup + rate * seconds;
        List<DiscordEmulator.Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        int[] n = {0};
        ScheduledFuture<?> task = timer.scheduleAtFixedRate(() -> {
            if (n[0] < total) {
                sent.add(send.apply(n[0]++));
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        waitFor("the interactions to go out", Duration.ofSeconds(unmeasured + seconds + 30L), bot, dir, () -> sent.size() >= total);
        task.cancel(false);
        timer.shutdown();
        List<DiscordEmulator.Sent> measured = new ArrayList<>(sent.subList(warmup, total));
        waitFor("the replies", Duration.ofSeconds(30), bot, dir,
                () -> measured.stream().allMatch(s -> emu.timing(s.id()).completed() != 0));
        if (measured.isEmpty()) {
            return null;
        }
        long[] ack = measured.stream().mapToLong(s -> emu.timing(s.id()).callback() - s.sentNanos()).sorted().toArray();
        long[] reply = measured.stream().mapToLong(s -> emu.timing(s.id()).completed() - s.sentNanos()).sorted().toArray();
        long late = Arrays.stream(ack).filter(a -> a > Duration.ofSeconds(3).toNanos()).count();
        return new Result(ack, reply, late);
    }

    record Result(long[] ack, long[] reply, long late) {
        void print(String name) {
            System.out.printf(Locale.ROOT, "%-30s %6d %6.1fms %6.1fms %6.1fms %8d | %8.1fms %8.1fms%n", name, ack.length, ms(pct(ack, 50)),
                    ms(pct(ack, 99)), ms(ack[ack.length - 1]), late, ms(pct(reply, 50)), ms(pct(reply, 99)));
        }

        private static long pct(long[] sorted, int p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    private static void answered(DiscordEmulator emu, DiscordEmulator.Sent sent, Process bot, Path dir) throws Exception {
        waitFor("a reply", Duration.ofSeconds(30), bot, dir, () -> emu.timing(sent.id()).completed() != 0);
    }

    private static void waitFor(String what, Duration limit, Process bot, Path dir, java.util.function.BooleanSupplier done) throws Exception {
        Nodes.waitFor(what, limit, bot, dir.resolve("bot.log"), done);
    }

    /** The bot's heap as jcmd reports it (committed and used), or why not. */
    private static String heapInfo(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid),
                    "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jcmd.waitFor(10, TimeUnit.SECONDS);
            return out.lines().filter(l -> l.contains("total") && l.contains("used")).findFirst().map(String::strip).orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** A value from /proc/PID/status: VmRSS now and VmHWM the peak, in kB; Threads, a count. */
    private static long status(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
