package dev.studybot.platform.slack;

import static org.awaitility.Awaitility.await;

import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuGuild;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load harness (not a test): starts the packaged bot ({@code target/studybot.jar run}) as its own
 * process with both adapters on: Slack tokens and {@code slack.api-base-url} pointing at a
 * {@link SlackEmulator}, and a Discord token with {@code discord.api-base-url} and
 * {@code discord.gateway-url} pointing at the Discord emulator (1,000 servers), both in this
 * process. It then sends Slack {@code /study} commands at a fixed rate (open loop: a slow ack never
 * delays the next command), with Discord {@code /study search} interactions at the same rate
 * beside them, and reports, per Slack mode, the time from a command leaving Slack to its ack
 * coming back (p50, p99, max), how many replies arrived through response_url, how many Discord
 * interactions were answered, and the bot process's resident memory (peak from /proc/PID/status
 * VmHWM, and sampled VmRSS).
 *
 * <pre>
 * mvn -q -B -DskipTests package exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath dev.studybot.platform.slack.SlackLoadHarness"
 * </pre>
 * System properties: {@code rate} (Slack requests/s, 50), {@code seconds} (measured, 60),
 * {@code warmup} (seconds, 10), {@code modes} (socket,http), {@code discordGuilds} (1000; 0 runs
 * Slack alone), {@code discordRate} (Discord interactions/s, as {@code rate}; 0 leaves Discord
 * idle), {@code jvm} (the bot's JVM options; by default the container's, "-XX:+UseSerialGC
 * -Xmx256m"; empty for the JVM's defaults), {@code jar} (target/studybot.jar).
 */
public final class SlackLoadHarness {
    private static final String CHANNEL = "C0LOAD";
    private static final String[] COMMANDS = {
        "search dropout overfitting", "topics", "today", "leaderboard", "random cnn", "stats", "help",
        "answer it randomly drops units so the network cannot rely on co-adaptation", "search attention transformer",
        "leaderboard month teams", "question reg-dropout", "reveal reg-dropout",
    };

    private final int rate = Integer.getInteger("rate", 50);
    private final int seconds = Integer.getInteger("seconds", 60);
    private final int warmup = Integer.getInteger("warmup", 10);
    private final Path jar = Path.of(System.getProperty("jar", "target/studybot.jar"));
    private final List<String> jvm = split(System.getProperty("jvm", "-XX:+UseSerialGC -Xmx256m"));
    private final int discordGuilds = Integer.getInteger("discordGuilds", 1000);
    private final int discordRate = Integer.getInteger("discordRate", rate);

    public static void main(String[] args) throws Exception {
        SlackLoadHarness h = new SlackLoadHarness();
        List<String> report = new ArrayList<>();
        for (String mode : System.getProperty("modes", "socket,http").split(",")) {
            report.add(h.run(mode.strip()));
        }
        System.out.println();
        System.out.println("=== studybot Slack load harness: " + h.rate + " commands/s for " + h.seconds + " s (after " + h.warmup
                + " s warm-up), " + (h.discordGuilds > 0 ? "Discord adapter on (" + h.discordGuilds + " servers, " + h.discordRate
                + " interactions/s)" : "Slack alone") + ", " + Runtime.getRuntime().availableProcessors() + " cores, bot JVM options "
                + h.jvm + ", load average " + Files.readString(Path.of("/proc/loadavg")).strip());
        report.forEach(System.out::println);
        System.exit(0);
    }

    private String run(String mode) throws Exception {
        boolean socket = mode.equals("socket");
        Path dir = Files.createTempDirectory("studybot-load-");
        try (SlackEmulator emu = new SlackEmulator(); DiscordSide discord = DiscordSide.start(discordGuilds)) {
            List<SlackEmulator.Member> members = new ArrayList<>();
            SlackEmulator.Member admin = new SlackEmulator.Member("U0LOADADMIN", "admin", "Admin", true, false);
            emu.addMember(admin);
            for (int i = 0; i < 200; i++) {
                SlackEmulator.Member m = SlackEmulator.Member.plain(String.format("U0LOAD%04d", i), "member" + i);
                emu.addMember(m);
                members.add(m);
            }
            int httpPort = socket ? 0 : freePort();
            Process bot = startBot(emu, discord, dir, socket, httpPort);
            RssSampler rss = new RssSampler(bot.pid());
            try {
                SlackRequests requests = new SlackRequests(emu);
                waitUntilReady(emu, requests, socket, httpPort, bot);
                if (discord != null) {
                    waitFor(discord::ready, Duration.ofMinutes(3), "the Discord adapter to register /study");
                    discord.drive(discordRate);
                }
                long idleRss = rss.currentKb();
                Sender sender = r -> socket
                        ? requests.overSocket(r).thenApply(SocketModeServer.Ack::nanos)
                        : timedHttp(requests, httpPort, r);
                // one question posted, so answers and reveals have a target
                sender.send(requests.slash(admin, CHANNEL, "post")).get(10, TimeUnit.SECONDS);
                waitFor(() -> !emu.postsIn(CHANNEL).isEmpty(), Duration.ofSeconds(20), "the first post");

                Phase warm = phase(sender, requests, members, warmup, null);
                waitFor(() -> emu.responses.size() >= 1 + warm.sent() - warm.failed(), Duration.ofSeconds(30), "the warm-up replies");
                ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
                int responsesBefore = emu.responses.size();
                Phase measured = phase(sender, requests, members, seconds, acks);
                waitFor(() -> emu.responses.size() - responsesBefore >= measured.sent(), Duration.ofSeconds(30), "the replies");
                int replies = emu.responses.size() - responsesBefore;
                String discordDone = discord == null ? "" : "; Discord interactions answered " + discord.answered();
                return report(mode, measured, new ArrayList<>(acks), replies, idleRss, rss) + discordDone;
            } finally {
                rss.stop();
                bot.destroy();
                if (!bot.waitFor(20, TimeUnit.SECONDS)) {
                    bot.destroyForcibly();
                }
            }
        }
    }

    private interface Sender {
        /** Sends one request; completes with the nanoseconds until its ack. */
        CompletableFuture<Long> send(SlackRequests.Request r);
    }

    private record Phase(int sent, int failed, long nanos) {
    }

    /** Sends {@code rate} requests a second for {@code length} seconds on a fixed schedule. */
    private Phase phase(Sender sender, SlackRequests requests, List<SlackEmulator.Member> members, int length,
                        ConcurrentLinkedQueue<Long> acks) throws InterruptedException {
        int total = rate * length;
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Long>> pending = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long periodNanos = 1_000_000_000L / rate;
        clock.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            SlackEmulator.Member m = members.get(n % members.size());
            String text = COMMANDS[n % COMMANDS.length];
            try {
                CompletableFuture<Long> ack = sender.send(requests.slash(m, CHANNEL, text));
                pending.add(ack.whenComplete((nanos, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    } else if (acks != null) {
                        acks.add(nanos);
                    }
                }));
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        await("all requests sent").atMost(Duration.ofSeconds(total / Math.max(1, rate) + 120)).pollInterval(Duration.ofMillis(50))
                .until(() -> sent.get() >= total);
        clock.shutdown();
        for (CompletableFuture<Long> f : new ArrayList<>(pending)) {
            try {
                f.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // counted in failed
            }
        }
        return new Phase(Math.min(total, sent.get()), failed.get(), System.nanoTime() - start);
    }

    static CompletableFuture<Long> timedHttp(SlackRequests requests, int port, SlackRequests.Request r) {
        return CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = requests.overHttp(port, r);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
                return System.nanoTime() - t0;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, HTTP_SENDERS);
    }

    private static final java.util.concurrent.ExecutorService HTTP_SENDERS = Executors.newFixedThreadPool(32, r -> {
        Thread t = new Thread(r, "load-http");
        t.setDaemon(true);
        return t;
    });

    private Process startBot(SlackEmulator emu, DiscordSide discord, Path dir, boolean socket, int httpPort) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -DskipTests package first");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", jar.toString(), "run", "--db", dir.resolve("studybot.db").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("STUDYBOT_"));
        env.put("SLACK_BOT_TOKEN", SlackEmulator.BOT_TOKEN);
        if (socket) {
            env.put("SLACK_APP_TOKEN", SlackEmulator.APP_TOKEN);
        } else {
            env.put("SLACK_SIGNING_SECRET", SlackEmulator.SIGNING_SECRET);
            env.put("STUDYBOT_SLACK_HTTP_PORT", Integer.toString(httpPort));
        }
        env.put("STUDYBOT_SLACK_API_BASE_URL", emu.apiBaseUrl());
        env.put("STUDYBOT_ADAPTERS_CONSOLE", "off");
        env.put("STUDYBOT_LOG_LEVEL", "WARN");
        if (discord != null) {
            env.put("DISCORD_TOKEN", "load-token");
            env.put("STUDYBOT_DISCORD_API_BASE_URL", discord.emu.restUrl());
            env.put("STUDYBOT_DISCORD_GATEWAY_URL", discord.emu.gatewayUrl());
        }
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("bot.log").toFile());
        System.out.println("[" + Instant.now() + "] starting the bot (" + (socket ? "Socket Mode" : "HTTP mode") + "), log in " + dir.resolve("bot.log"));
        return pb.start();
    }

    private static void waitUntilReady(SlackEmulator emu, SlackRequests requests, boolean socket, int port, Process bot) {
        await("the bot's connection").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!bot.isAlive()) {
                throw new IllegalStateException("the bot exited with status " + bot.exitValue());
            }
            if (socket) {
                return emu.socket.connected();
            }
            try {
                requests.overHttp(port, "x=1", "wrong", Instant.now().getEpochSecond(), Map.of());
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration max, String what) {
        await(what).atMost(max).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }

    private String report(String mode, Phase phase, List<Long> acks, int replies, long idleRssKb, RssSampler rss) throws IOException {
        Collections.sort(acks);
        double achieved = phase.sent() / (phase.nanos() / 1e9);
        return String.format(Locale.ROOT,
                "%-6s sent %d (%.1f/s), acked %d, failed %d; ack p50 %.1f ms, p99 %.1f ms, max %.1f ms; replies through response_url %d;"
                        + " bot RSS idle %d MB, sampled max %d MB, peak (VmHWM) %d MB",
                mode, phase.sent(), achieved, acks.size(), phase.failed(), ms(percentile(acks, 50)), ms(percentile(acks, 99)),
                ms(acks.isEmpty() ? 0 : acks.get(acks.size() - 1)), replies, idleRssKb / 1024, rss.maxKb() / 1024, rss.peakKb() / 1024);
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static List<String> split(String options) {
        return options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
    }

    /** The Discord emulator with its servers, and interactions sent to the bot at a fixed rate. */
    private static final class DiscordSide implements AutoCloseable {
        final DiscordEmulator emu;
        private final EmuGuild home;
        private final ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor();
        private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

        private DiscordSide(DiscordEmulator emu, EmuGuild home) {
            this.emu = emu;
            this.home = home;
        }

        /** Null when {@code guilds} is 0: Slack alone. */
        static DiscordSide start(int guilds) throws IOException {
            if (guilds <= 0) {
                return null;
            }
            DiscordEmulator emu = DiscordEmulator.start();
            EmuGuild home = emu.addGuild("Server 0");
            for (int i = 1; i < guilds; i++) {
                emu.addGuild("Server " + i);
            }
            return new DiscordSide(emu, home);
        }

        boolean ready() {
            return emu.commandsRegisteredNanos() != 0;
        }

        void drive(int rate) {
            if (rate <= 0) {
                return;
            }
            String general = home.channel("general");
            AtomicInteger n = new AtomicInteger();
            driver.scheduleAtFixedRate(() -> sent.add(emu.slash(emu.member(home, "searcher" + n.incrementAndGet()), home, general,
                    "search", Map.of("words", n.get() % 2 == 0 ? "dropout" : "attention heads")).id()), 0, 1_000_000_000L / rate,
                    TimeUnit.NANOSECONDS);
        }

        long answered() {
            synchronized (sent) {
                return sent.stream().filter(id -> !emu.callbacks(id).isEmpty()).count();
            }
        }

        @Override
        public void close() {
            driver.shutdownNow();
            emu.close();
        }
    }

    /** Samples a process's resident memory from /proc every 200 ms. */
    static final class RssSampler {
        private final Path status;
        private final AtomicLong max = new AtomicLong();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private volatile long lastPeak;

        RssSampler(long pid) {
            this.status = Path.of("/proc", Long.toString(pid), "status");
            timer.scheduleAtFixedRate(() -> {
                long now = field("VmRSS:");
                max.accumulateAndGet(now, Math::max);
                long peak = field("VmHWM:");
                if (peak > 0) {
                    lastPeak = peak;
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
        }

        long currentKb() {
            return field("VmRSS:");
        }

        long maxKb() {
            return max.get();
        }

        long peakKb() {
            long peak = field("VmHWM:");
            return peak > 0 ? peak : lastPeak;
        }

        void stop() {
            timer.shutdownNow();
        }

        private long field(String name) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith(name)) {
                        return Long.parseLong(line.substring(name.length()).replace("kB", "").strip());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process has ended
            }
            return 0;
        }
    }
}
