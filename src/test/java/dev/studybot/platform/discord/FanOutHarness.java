package dev.studybot.platform.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.domain.ChannelRef;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuGuild;
import dev.studybot.support.Nodes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The 09:00 fan-out, measured (not a test): {@code harness.channels} Discord channels (5 per server)
 * all scheduled for the same minute, the packaged bot ({@code target/studybot.jar}) as
 * {@code harness.nodes} processes against the Discord emulator with Discord's limits on (50
 * requests a second for the bot, 5 messages per 5 s in a channel) and {@code harness.latency} ms
 * per REST request. One node runs on a SQLite file; several share an embedded PostgreSQL, and with
 * {@code harness.kill} (on for several nodes) the node holding the gateway is killed with SIGKILL
 * when half the channels have their post. Prints posts per second against what the limit allows,
 * the 429s, lost and doubled posts, the time to finish, and the failover gap.
 *
 * <p>Run: {@code mvn -q -B package -DskipTests && mvn -q -B exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.studybot.platform.discord.FanOutHarness -Dharness.nodes=3}.
 */
public final class FanOutHarness {
    private static final int PER_SERVER = 5;
    private static final int GLOBAL_LIMIT = 50;
    /** REST requests one post takes on its first day: the message and its thread. */
    private static final int REQUESTS_PER_POST = 2;

    private FanOutHarness() {
    }

    public static void main(String[] args) throws Exception {
        int channels = Integer.getInteger("harness.channels", 10_000);
        int nodes = Integer.getInteger("harness.nodes", 1);
        boolean kill = Boolean.parseBoolean(System.getProperty("harness.kill", Boolean.toString(nodes > 1)));
        int latency = Integer.getInteger("harness.latency", 100);
        int lead = Integer.getInteger("harness.lead", 150);
        Path jar = Path.of("target", "studybot.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: mvn -q -B package -DskipTests");
        }
        Path dir = Files.createTempDirectory("studybot-fanout");
        EmbeddedPostgres postgres = nodes > 1 ? EmbeddedPostgres.builder().setPGStartupWait(Duration.ofMinutes(1)).start() : null;
        try (DiscordEmulator emu = DiscordEmulator.start()) {
            List<ChannelRef> refs = new ArrayList<>();
            for (int s = 0; refs.size() < channels; s++) {
                EmuGuild g = emu.addGuild("Server " + s);
                refs.add(new ChannelRef(DiscordAdapter.NAME, g.id(), g.channel("general")));
                for (int c = 1; c < PER_SERVER && refs.size() < channels; c++) {
                    refs.add(new ChannelRef(DiscordAdapter.NAME, g.id(), emu.addChannel(g, "study-" + c, 0)));
                }
            }
            Map<String, String> env = new HashMap<>();
            env.put("DISCORD_TOKEN", "load-token");
            env.put("STUDYBOT_DISCORD_API_BASE_URL", emu.restUrl());
            env.put("STUDYBOT_DISCORD_GATEWAY_URL", emu.gatewayUrl());
            env.put("STUDYBOT_BANK_PATH", Path.of("questions").toAbsolutePath().toString());
            env.put("STUDYBOT_ADAPTERS_CONSOLE", "off");
            env.put("STUDYBOT_ADAPTERS_SLACK", "off");
            env.put("STUDYBOT_SCHEDULE_GRACE", "2h");
            Nodes.database(env, postgres, dir);

            // every channel due at the same minute, far enough ahead for the nodes to start
            ZonedDateTime due = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(lead).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            long setupStart = System.nanoTime();
            Nodes.schedule(env, refs, String.format(Locale.ROOT, "daily %02d:%02d UTC", due.getHour(), due.getMinute()));
            System.out.printf(Locale.ROOT, "scheduled %d channels in %.1f s for %s%n", refs.size(), (System.nanoTime() - setupStart) / 1e9, due);

            emu.limits(GLOBAL_LIMIT, 5, Duration.ofSeconds(5));
            emu.latency(Duration.ofMillis(latency));
            List<Process> bots = new ArrayList<>();
            try {
                for (int n = 0; n < nodes; n++) {
                    bots.add(Nodes.launch(jar, env, dir.resolve("node-" + n + ".log")));
                    Path log = dir.resolve("node-" + n + ".log");
                    Process bot = bots.get(n);
                    Nodes.waitFor("node " + n + " to be ready", Duration.ofMinutes(3), bot, log, () -> Nodes.logged(log, "studybot is ready"));
                }
                if (Instant.now().isAfter(due.toInstant().minusSeconds(5))) {
                    throw new IllegalStateException("the nodes were ready after the due minute; raise harness.lead (seconds)");
                }
                System.out.printf(Locale.ROOT, "%d node(s) ready; waiting for %s%n", nodes, due.toLocalTime());

                Instant killedAt = null;
                int identifiesBeforeKill = 0;
                Instant takeover = null;
                long deadline = System.nanoTime() + Duration.ofMinutes(40).toNanos();
                while (true) {
                    Map<String, Integer> posted = questionPosts(emu);
                    if (kill && killedAt == null && posted.size() >= channels / 2) {
                        identifiesBeforeKill = emu.identifies();
                        bots.get(0).destroyForcibly(); // SIGKILL: no shutdown hook, no lease given back
                        killedAt = Instant.now();
                        System.out.printf(Locale.ROOT, "killed node 0 (the gateway holder) with SIGKILL at %d posts%n", posted.size());
                    }
                    if (killedAt != null && takeover == null && emu.identifies() > identifiesBeforeKill) {
                        takeover = Instant.now();
                    }
                    if (posted.size() >= channels || System.nanoTime() > deadline) {
                        break;
                    }
                    for (int n = kill ? 1 : 0; n < bots.size(); n++) {
                        if (!bots.get(n).isAlive()) {
                            throw new IllegalStateException("node " + n + " exited; log:\n" + Nodes.tail(dir.resolve("node-" + n + ".log")));
                        }
                    }
                    TimeUnit.MILLISECONDS.sleep(200);
                }
                // a late copy would land within a claim's length: watch a little longer for doubles
                TimeUnit.SECONDS.sleep(kill ? 35 : 5);
                report(emu, refs, nodes, kill, latency, due.toInstant(), killedAt, takeover, bots, dir);
            } finally {
                Nodes.stop(bots);
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** Question posts per channel so far: messages with buttons in a server channel. */
    private static Map<String, Integer> questionPosts(DiscordEmulator emu) {
        return emu.guildMessages().stream().filter(FanOutHarness::isQuestion)
                .collect(Collectors.toMap(m -> m.path("channel_id").asText(), m -> 1, Integer::sum));
    }

    private static boolean isQuestion(ObjectNode m) {
        return m.path("type").asInt() == 0 && !m.path("components").isEmpty();
    }

    private static void report(DiscordEmulator emu, List<ChannelRef> refs, int nodes, boolean kill, int latency, Instant due,
                               Instant killedAt, Instant takeover, List<Process> bots, Path dir) throws IOException {
        List<Instant> times = emu.guildMessages().stream().filter(FanOutHarness::isQuestion)
                .map(m -> Instant.parse(m.path("timestamp").asText())).sorted().toList();
        Map<String, Integer> posted = questionPosts(emu);
        long lost = refs.stream().filter(r -> !posted.containsKey(r.channel())).count();
        long doubled = posted.values().stream().filter(n -> n > 1).count();
        Instant first = times.get(0);
        Instant last = times.get(times.size() - 1);
        double seconds = Duration.between(first, last).toMillis() / 1000.0;
        double perSecond = (times.size() - 1) / seconds;
        double allowed = (double) GLOBAL_LIMIT / REQUESTS_PER_POST;
        long gapAfterKill = 0;
        for (int i = 1; i < times.size(); i++) {
            if (killedAt != null && times.get(i).isAfter(killedAt)) {
                gapAfterKill = Math.max(gapAfterKill, Duration.between(times.get(i - 1), times.get(i)).toMillis());
            }
        }
        System.out.printf(Locale.ROOT, "%nFan-out harness: %d channels due at %s, %d node(s)%s, %d ms per REST request, %d cores%n",
                refs.size(), due, nodes, kill ? " (node 0 killed half-way)" : "", latency, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "posts/s %.2f against %.1f the limit allows (%d requests/s, %d per post): %.1f%%%n",
                perSecond, allowed, GLOBAL_LIMIT, REQUESTS_PER_POST, 100 * perSecond / allowed);
        System.out.printf(Locale.ROOT, "busiest second at the emulator: %d requests (limit %d)%n", emu.busiestSecond(), GLOBAL_LIMIT);
        System.out.printf(Locale.ROOT, "429s: %d global, %d per channel%n", emu.globalLimited(), emu.routeLimited());
        System.out.printf(Locale.ROOT, "lost %d, doubled %d%n", lost, doubled);
        System.out.printf(Locale.ROOT, "first post %.1f s after the due minute, last %.1f s after: %d posts in %.1f s%n",
                Duration.between(due, first).toMillis() / 1000.0, Duration.between(due, last).toMillis() / 1000.0, times.size(), seconds);
        if (killedAt != null) {
            System.out.printf(Locale.ROOT, "failover: longest pause between posts after the kill %.1f s; gateway taken over %s%n",
                    gapAfterKill / 1000.0, takeover == null ? "never" : String.format(Locale.ROOT, "%.1f s after the kill",
                            Duration.between(killedAt, takeover).toMillis() / 1000.0));
        }
        for (int n = 0; n < bots.size(); n++) {
            Process bot = bots.get(n);
            String rss = bot.isAlive() ? Nodes.status(bot.pid(), "VmHWM") / 1024 + " MB peak RSS" : "killed";
            long sent = Files.readAllLines(dir.resolve("node-" + n + ".log")).stream().filter(l -> l.contains(": POSTED")).count();
            System.out.printf(Locale.ROOT, "node %d: %s, %d posts sent%n", n, rss, sent);
        }
        System.out.printf(Locale.ROOT, "machine load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }
}
