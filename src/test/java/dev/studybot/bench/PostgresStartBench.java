package dev.studybot.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One node on PostgreSQL (an embedded server): the packaged jar's time from launch to a 200 on
 * {@code /health/ready}, on a new database (migrations included) and again on the migrated one,
 * and its peak resident memory (VmHWM) after a few commands. Needs target/studybot.jar and /proc.
 */
public final class PostgresStartBench {
    private static final int DATABASES = 3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target/studybot.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: mvn -q -B package -DskipTests");
        }
        String semantic = System.getenv().getOrDefault("STUDYBOT_GRADING_SEMANTIC", "false");
        List<Double> fresh = new ArrayList<>();
        List<Double> migrated = new ArrayList<>();
        List<Long> peaks = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            for (int d = 0; d < DATABASES; d++) {
                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("CREATE DATABASE bench" + d);
                }
                String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/bench" + d;
                for (int start = 0; start < 2; start++) {
                    Run run = run(jar, url, semantic);
                    (start == 0 ? fresh : migrated).add(run.seconds());
                    peaks.add(run.peakKb());
                }
            }
        }
        System.out.printf("grading.semantic=%s, one node on PostgreSQL%n", semantic);
        System.out.printf("launch to /health/ready, new database (migrations): %s s%n", fresh);
        System.out.printf("launch to /health/ready, migrated database: %s s%n", migrated);
        System.out.printf("peak RSS (VmHWM) after a few commands: max %.0f MB (runs, kB: %s)%n",
                peaks.stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0, peaks);
    }

    private record Run(double seconds, long peakKb) {
    }

    private static Run run(Path jar, String url, String semantic) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("studybot-pg-start");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx256m", "-jar", jar.toAbsolutePath().toString())
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("STUDYBOT_DATABASE_URL", url);
        builder.environment().put("STUDYBOT_DATABASE_USER", "postgres");
        builder.environment().put("STUDYBOT_DATABASE_PASSWORD", "postgres");
        builder.environment().put("STUDYBOT_DATABASE_PATH", dir.resolve("studybot.db").toString());
        builder.environment().put("STUDYBOT_OPS_PORT", String.valueOf(port));
        builder.environment().put("STUDYBOT_GRADING_SEMANTIC", semantic);
        long t0 = System.nanoTime();
        Process p = builder.start();
        try {
            return measure(p, port, t0);
        } finally {
            p.destroyForcibly();
        }
    }

    private static Run measure(Process p, int port, long t0) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the bot exited with " + p.exitValue());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        OutputStream in = p.getOutputStream();
        InputStream out = p.getInputStream();
        for (String line : new String[] {"/study help", "/study search batch normalization", "/study post", "/study leaderboard all",
                "/study answer it normalizes activations per mini-batch", "/study answer it normalizes activations per mini-batch, then scales"}) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        in.flush();
        // the console answers each line in turn; the leaderboard and the graded answers are the last replies
        byte[] buffer = new byte[8192];
        StringBuilder seen = new StringBuilder();
        int answers = 0;
        while (answers < 2) {
            int n = out.read(buffer);
            if (n < 0) {
                throw new IllegalStateException("the bot stopped early; it said:\n" + seen);
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            answers = seen.toString().split("You covered", -1).length - 1;
        }
        long peak = peakKb(p.pid());
        in.close();
        p.waitFor();
        return new Run(Math.round(seconds * 100) / 100.0, peak);
    }

    private static long peakKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
