package dev.studybot.support;

import dev.studybot.config.ConfigLoader;
import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import dev.studybot.wiring.Wiring;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The packaged bot as separate node processes, for the load and fan-out harnesses of every
 * platform: their database settings, schedules set through the core, launching, waiting on their
 * logs with a deadline, stopping, and their memory.
 */
public final class Nodes {
    private Nodes() {
    }

    /** The nodes' database: the embedded PostgreSQL when there is one, else a SQLite file in {@code dir}. */
    public static void database(Map<String, String> env, EmbeddedPostgres postgres, Path dir) {
        if (postgres != null) {
            env.put("STUDYBOT_DATABASE_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
            env.put("STUDYBOT_DATABASE_USER", "postgres");
            env.put("STUDYBOT_DATABASE_PASSWORD", "postgres");
        } else {
            env.put("STUDYBOT_DATABASE_PATH", dir.resolve("studybot.db").toString());
        }
    }

    /** Sets every channel's schedule through the core, as an admin's command would, on the database the nodes use. */
    public static void schedule(Map<String, String> env, List<ChannelRef> refs, String when) throws Exception {
        ConfigLoader.Loaded loaded = new ConfigLoader().load(null, env);
        Wiring.Options options = Wiring.Options.of(loaded.config(), Clock.systemUTC()).withDatabaseLogin(Wiring.DatabaseLogin.from(env));
        Actor admin = new Actor("admin", "admin", true, Set.of());
        try (Wiring wiring = new Wiring(options)) {
            for (ChannelRef channel : refs) {
                Reply reply = wiring.bot().handleText(channel, admin, "/study schedule set " + when).reply();
                if (!(reply instanceof Reply.ScheduleInfo)) {
                    throw new IllegalStateException("schedule set failed for " + channel.key() + ": " + reply);
                }
            }
        }
    }

    public static Process launch(Path jar, Map<String, String> env, Path log) throws IOException {
        return launch(jar, List.of(), env, log);
    }

    /** The packaged bot as its own process, with these JVM options. */
    public static Process launch(Path jar, List<String> jvmArgs, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "run"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("STUDYBOT_") || k.startsWith("SLACK_") || k.startsWith("DISCORD_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Stops the bots: asked first, forced after 20 s. */
    public static void stop(List<Process> bots) throws InterruptedException {
        for (Process bot : bots) {
            bot.destroy();
        }
        for (Process bot : bots) {
            if (!bot.waitFor(20, TimeUnit.SECONDS)) {
                bot.destroyForcibly();
            }
        }
    }

    /** Whether the node's log says {@code text} yet. */
    public static boolean logged(Path log, String text) {
        try {
            return Files.isRegularFile(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits for {@code done} with a deadline, failing with the log's tail if the node exits first. */
    public static void waitFor(String what, Duration limit, Process bot, Path log, BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (!bot.isAlive()) {
                throw new IllegalStateException("the bot exited (" + bot.exitValue() + ") while waiting for " + what + "; log:\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what + "; log:\n" + tail(log));
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** The last 40 lines of a node's log. */
    public static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** A field of the process's {@code /proc/PID/status} (VmHWM: its peak RSS in kB), or -1. */
    public static long status(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
