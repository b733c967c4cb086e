package dev.studybot.platform.slack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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

/**
 * Load harness (not a test): the packaged bot ({@code target/studybot.jar run}) as its own
 * process in distributed mode (HTTP mode, SQLite, tokens encrypted), in front of a
 * {@link SlackEmulator}. It installs the app in {@code workspaces} workspaces through the install
 * flow (install page, "Add to Slack", the consent page, the redirect), timing each from the click
 * to the first {@code /study} command answered through its response_url; then sends commands at
 * {@code rate} a second for {@code seconds}, spread over all the workspaces, and reports the
 * ack p50/p99/max and the bot's peak resident memory (VmHWM).
 *
 * <pre>
 * mvn -q -B -DskipTests package exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath dev.studybot.platform.slack.SlackInstallsHarness"
 * </pre>
 * System properties: {@code workspaces} (100), {@code rate} (50), {@code seconds} (60),
 * {@code warmup} (10), {@code jvm} ("-XX:+UseSerialGC -Xmx256m"), {@code jar} (target/studybot.jar).
 */
public final class SlackInstallsHarness {
    private static final String[] COMMANDS = {"search dropout overfitting", "topics", "today", "leaderboard", "random cnn", "stats", "help"};

    private final int workspaces = Integer.getInteger("workspaces", 100);
    private final int rate = Integer.getInteger("rate", 50);
    private final int seconds = Integer.getInteger("seconds", 60);
    private final int warmup = Integer.getInteger("warmup", 10);
    private final Path jar = Path.of(System.getProperty("jar", "target/studybot.jar"));
    private final String jvm = System.getProperty("jvm", "-XX:+UseSerialGC -Xmx256m");

    public static void main(String[] args) throws Exception {
        System.out.println(new SlackInstallsHarness().run());
        System.exit(0);
    }

    private record Workspace(SlackEmulatorInstalls.Team team, SlackEmulator.Member member) {
    }

    private String run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -DskipTests package first");
        }
        Path dir = Files.createTempDirectory("studybot-installs-");
        try (SlackEmulator emu = new SlackEmulator()) {
            int port = SlackLoadHarness.freePort();
            Process bot = start(emu, dir, port);
            SlackLoadHarness.RssSampler rss = new SlackLoadHarness.RssSampler(bot.pid());
            try {
                String installPage = "http://127.0.0.1:" + port + "/slack/install";
                waitUntilServing(installPage, bot);
                long idle = rss.currentKb();
                SlackRequests requests = new SlackRequests(emu);
                List<Workspace> installed = new ArrayList<>();
                List<Long> installNanos = new ArrayList<>();
                for (int i = 0; i < workspaces; i++) {
                    Workspace w = new Workspace(i % 10 == 9
                            ? new SlackEmulatorInstalls.Team(String.format("T0LOAD%04d", i), "Load " + i, "E0LOAD" + i / 10, false)
                            : SlackEmulatorInstalls.Team.plain(String.format("T0LOAD%04d", i), "Load " + i),
                            new SlackEmulator.Member(String.format("U0LOAD%04d", i), "member" + i, "Member " + i, i % 2 == 0, false));
                    emu.installs.addMember(w.team(), w.member());
                    emu.installs.nextInstall(w.team(), w.member().id());
                    SlackDistributedBot.Landed landed = SlackDistributedBot.install(installPage);
                    if (!landed.page().contains("studybot is now in")) {
                        throw new IllegalStateException("install " + i + " failed: " + landed.page());
                    }
                    long afterLanding = System.nanoTime();
                    SlackRequests.Request first = requests.slash(w.team(), w.member(), "C0" + w.team().id(), "help");
                    requests.overHttp(port, first);
                    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(2)).until(() -> !emu.responsesTo(first.responseUrl()).isEmpty());
                    installNanos.add(landed.nanosFromClick() + System.nanoTime() - afterLanding);
                    installed.add(w);
                }
                long afterInstalls = rss.currentKb();
                phase(requests, port, installed, warmup, null);
                ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
                int before = emu.responses.size();
                int[] sent = phase(requests, port, installed, seconds, acks);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> emu.responses.size() - before >= sent[0] - sent[1]);
                List<Long> sortedAcks = new ArrayList<>(acks);
                Collections.sort(sortedAcks);
                List<Long> sortedInstalls = new ArrayList<>(installNanos);
                Collections.sort(sortedInstalls);
                return String.format(Locale.ROOT,
                        "%n=== studybot distributed Slack: %d workspaces installed (every tenth on Enterprise Grid), %d cores, bot JVM %s, load %s%n"
                                + "install, click on \"Add to Slack\" to the first command answered: first %.1f ms, p50 %.1f ms, max %.1f ms%n"
                                + "commands %d/s for %d s over all workspaces: sent %d, failed %d, ack p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                                + " replies %d%nbot RSS idle %d MB, after the installs %d MB, sampled max %d MB, peak (VmHWM) %d MB",
                        workspaces, Runtime.getRuntime().availableProcessors(), jvm, Files.readString(Path.of("/proc/loadavg")).strip(),
                        SlackLoadHarness.ms(installNanos.get(0)), SlackLoadHarness.ms(SlackLoadHarness.percentile(sortedInstalls, 50)),
                        SlackLoadHarness.ms(sortedInstalls.get(sortedInstalls.size() - 1)),
                        rate, seconds, sent[0], sent[1], SlackLoadHarness.ms(SlackLoadHarness.percentile(sortedAcks, 50)),
                        SlackLoadHarness.ms(SlackLoadHarness.percentile(sortedAcks, 99)),
                        SlackLoadHarness.ms(sortedAcks.isEmpty() ? 0 : sortedAcks.get(sortedAcks.size() - 1)), emu.responses.size() - before,
                        idle / 1024, afterInstalls / 1024, rss.maxKb() / 1024, rss.peakKb() / 1024);
            } finally {
                rss.stop();
                bot.destroy();
                if (!bot.waitFor(20, TimeUnit.SECONDS)) {
                    bot.destroyForcibly();
                }
            }
        }
    }

    /** Sends {@code rate} commands a second for {@code length} seconds, workspace after workspace; how many were sent and failed. */
    private int[] phase(SlackRequests requests, int port, List<Workspace> installed, int length, ConcurrentLinkedQueue<Long> acks) {
        int total = rate * length;
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Long>> pending = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            Workspace w = installed.get(n % installed.size());
            CompletableFuture<Long> ack = SlackLoadHarness.timedHttp(requests, port,
                    requests.slash(w.team(), w.member(), "C0" + w.team().id(), COMMANDS[n % COMMANDS.length]));
            pending.add(ack.whenComplete((nanos, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                } else if (acks != null) {
                    acks.add(nanos);
                }
            }));
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        await().atMost(Duration.ofSeconds(length + 120L)).pollInterval(Duration.ofMillis(50)).until(() -> sent.get() >= total);
        clock.shutdown();
        for (CompletableFuture<Long> f : new ArrayList<>(pending)) {
            try {
                f.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // counted in failed
            }
        }
        return new int[] {Math.min(total, sent.get()), failed.get()};
    }

    private Process start(SlackEmulator emu, Path dir, int port) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!jvm.isBlank()) {
            cmd.addAll(List.of(jvm.strip().split("\\s+")));
        }
        cmd.addAll(List.of("-jar", jar.toString(), "run", "--db", dir.resolve("studybot.db").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("STUDYBOT_"));
        env.putAll(SlackDistributedBot.config(emu, port, "http://127.0.0.1:" + port));
        env.putAll(SlackDistributedBot.SECRETS);
        env.put("STUDYBOT_ADAPTERS_CONSOLE", "off");
        env.put("STUDYBOT_LOG_LEVEL", "WARN");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("bot.log").toFile());
        System.out.println("[" + Instant.now() + "] starting the bot (distributed, HTTP mode), log in " + dir.resolve("bot.log"));
        return pb.start();
    }

    private static void waitUntilServing(String installPage, Process bot) {
        HttpClient http = HttpClient.newHttpClient();
        await("the install page").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!bot.isAlive()) {
                throw new IllegalStateException("the bot exited with status " + bot.exitValue());
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(installPage)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }
}
