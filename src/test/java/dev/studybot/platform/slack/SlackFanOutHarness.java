package dev.studybot.platform.slack;

import dev.studybot.domain.ChannelRef;
import dev.studybot.support.Nodes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
 * The 09:00 fan-out on Slack, measured (not a test): {@code harness.channels} channels of one
 * workspace all due at one minute, the packaged bot as {@code harness.nodes} processes (HTTP mode)
 * against the Slack emulator with its limits on: about one message a second in a channel and
 * {@code harness.perMinute} messages a minute across the workspace, the same number studybot is
 * configured with ({@code slack.posts-per-minute}). With several nodes (an embedded PostgreSQL),
 * node 0 is killed with SIGKILL when half the channels have their post. Prints posts per second
 * against the limit, 429s, lost and doubled posts, and the time to finish.
 *
 * <p>Run: {@code mvn -q -B package -DskipTests && mvn -q -B exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.studybot.platform.slack.SlackFanOutHarness -Dharness.nodes=3}.
 */
public final class SlackFanOutHarness {
    private SlackFanOutHarness() {
    }

    public static void main(String[] args) throws Exception {
        int channels = Integer.getInteger("harness.channels", 2_000);
        int nodes = Integer.getInteger("harness.nodes", 1);
        int perMinute = Integer.getInteger("harness.perMinute", 600);
        boolean kill = Boolean.parseBoolean(System.getProperty("harness.kill", Boolean.toString(nodes > 1)));
        int lead = Integer.getInteger("harness.lead", 90);
        Path jar = Path.of("target", "studybot.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: mvn -q -B package -DskipTests");
        }
        Path dir = Files.createTempDirectory("studybot-slack-fanout");
        EmbeddedPostgres postgres = nodes > 1 ? EmbeddedPostgres.builder().setPGStartupWait(Duration.ofMinutes(1)).start() : null;
        try (SlackEmulator emu = new SlackEmulator()) {
            List<ChannelRef> refs = new ArrayList<>();
            for (int c = 0; c < channels; c++) {
                refs.add(new ChannelRef(SlackAdapter.NAME, SlackEmulator.TEAM, String.format(Locale.ROOT, "C%08d", c)));
            }
            Map<String, String> env = new HashMap<>();
            env.put("SLACK_BOT_TOKEN", SlackEmulator.BOT_TOKEN);
            env.put("SLACK_SIGNING_SECRET", SlackEmulator.SIGNING_SECRET);
            env.put("STUDYBOT_SLACK_HTTP_PORT", "0");
            env.put("STUDYBOT_SLACK_API_BASE_URL", emu.apiBaseUrl());
            env.put("STUDYBOT_SLACK_POSTS_PER_MINUTE", Integer.toString(perMinute));
            env.put("STUDYBOT_BANK_PATH", Path.of("questions").toAbsolutePath().toString());
            env.put("STUDYBOT_ADAPTERS_CONSOLE", "off");
            env.put("STUDYBOT_ADAPTERS_DISCORD", "off");
            env.put("STUDYBOT_SCHEDULE_GRACE", "2h");
            Nodes.database(env, postgres, dir);
            ZonedDateTime due = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(lead).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            Nodes.schedule(env, refs, String.format(Locale.ROOT, "daily %02d:%02d UTC", due.getHour(), due.getMinute()));
            System.out.printf(Locale.ROOT, "scheduled %d channels for %s%n", refs.size(), due);
            emu.channelLimits(true);
            emu.workspaceLimit(perMinute);

            List<Process> bots = new ArrayList<>();
            try {
                for (int n = 0; n < nodes; n++) {
                    Path log = dir.resolve("node-" + n + ".log");
                    bots.add(Nodes.launch(jar, env, log));
                    Process bot = bots.get(n);
                    Nodes.waitFor("node " + n + " to be ready", Duration.ofMinutes(3), bot, log,
                            () -> Nodes.logged(log, "studybot is ready"));
                }
                if (Instant.now().isAfter(due.toInstant().minusSeconds(5))) {
                    throw new IllegalStateException("the nodes were ready after the due minute; raise harness.lead (seconds)");
                }
                System.out.printf(Locale.ROOT, "%d node(s) ready; waiting for %s%n", nodes, due.toLocalTime());
                Instant killedAt = null;
                long deadline = System.nanoTime() + Duration.ofMinutes(40).toNanos();
                while (true) {
                    int posted = perChannel(emu).size();
                    if (kill && killedAt == null && posted >= channels / 2) {
                        bots.get(0).destroyForcibly();
                        killedAt = Instant.now();
                        System.out.printf(Locale.ROOT, "killed node 0 with SIGKILL at %d posts%n", posted);
                    }
                    if (posted >= channels || System.nanoTime() > deadline) {
                        break;
                    }
                    TimeUnit.MILLISECONDS.sleep(200);
                }
                TimeUnit.SECONDS.sleep(kill ? 35 : 5);
                report(emu, refs, nodes, kill, perMinute, bots, dir);
            } finally {
                bots.forEach(Process::destroy);
                for (Process bot : bots) {
                    if (!bot.waitFor(20, TimeUnit.SECONDS)) {
                        bot.destroyForcibly();
                    }
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static Map<String, Long> perChannel(SlackEmulator emu) {
        return emu.posts.stream().filter(p -> p.threadTs() == null)
                .collect(Collectors.groupingBy(SlackEmulator.Posted::channel, Collectors.counting()));
    }

    private static void report(SlackEmulator emu, List<ChannelRef> refs, int nodes, boolean kill, int perMinute, List<Process> bots, Path dir)
            throws java.io.IOException {
        Map<String, Long> posted = perChannel(emu);
        long lost = refs.stream().filter(r -> !posted.containsKey(r.channel())).count();
        long doubled = posted.values().stream().filter(n -> n > 1).count();
        List<Long> times = emu.postNanos;
        double seconds = (times.get(times.size() - 1) - times.get(0)) / 1e9;
        double perSecond = (times.size() - 1) / seconds;
        double allowed = perMinute / 60.0;
        System.out.printf(Locale.ROOT, "%nSlack fan-out harness: %d channels in one workspace, %d node(s)%s, %d cores%n", refs.size(), nodes,
                kill ? " (node 0 killed half-way)" : "", Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "posts/s %.2f against %.1f the workspace limit allows (%d a minute): %.1f%%%n",
                perSecond, allowed, perMinute, 100 * perSecond / allowed);
        System.out.printf(Locale.ROOT, "429s: %d workspace, %d per channel%n", emu.workspaceLimited.get(), emu.channelLimited.get());
        System.out.printf(Locale.ROOT, "lost %d, doubled %d; %d posts in %.1f s%n", lost, doubled, times.size(), seconds);
        for (int n = 0; n < bots.size(); n++) {
            Process bot = bots.get(n);
            String rss = bot.isAlive() ? Nodes.status(bot.pid(), "VmHWM") / 1024 + " MB peak RSS" : "killed";
            long sent = Files.readAllLines(dir.resolve("node-" + n + ".log")).stream().filter(l -> l.contains(": POSTED")).count();
            System.out.printf(Locale.ROOT, "node %d: %s, %d posts sent%n", n, rss, sent);
        }
    }
}
