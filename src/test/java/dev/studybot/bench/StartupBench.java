package dev.studybot.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Starts the packaged console bot five times on a fresh database: the time from launch to its
 * first prompt, and its peak resident memory (VmHWM) after a few commands. Needs target/studybot.jar
 * and Linux's /proc.
 */
public final class StartupBench {
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target/studybot.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: mvn -q -B package -DskipTests");
        }
        // STUDYBOT_GRADING_SEMANTIC=false measures the bot without the sentence model
        String semantic = System.getenv().getOrDefault("STUDYBOT_GRADING_SEMANTIC", "true");
        List<Double> starts = new ArrayList<>();
        List<Long> peaks = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Path db = Files.createTempDirectory("studybot-start").resolve("studybot.db");
            long t0 = System.nanoTime();
            // the JVM running this bench, so that a JDK 21+ runs the jar whatever the default java is
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "--db", db.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("STUDYBOT_GRADING_SEMANTIC", semantic);
            Process p = builder.start();
            InputStream out = p.getInputStream();
            waitForPrompt(out);
            starts.add((System.nanoTime() - t0) / 1e9);
            OutputStream in = p.getOutputStream();
            for (String line : new String[] {"/study help", "/study search batch normalization", "/study post", "/study leaderboard all",
                    "/study answer it normalizes activations per mini-batch", "/study answer it normalizes activations per mini-batch",
                    "/study answer it normalizes activations per mini-batch, then scales and shifts them"}) {
                in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                waitForPrompt(out);
            }
            peaks.add(peakKb(p.pid()));
            in.close();
            int status = p.waitFor();
            if (status != 0) {
                throw new IllegalStateException("the bot exited with " + status);
            }
        }
        Collections.sort(starts);
        System.out.printf("grading.semantic=%s%n", semantic);
        System.out.printf("cold start to prompt: median %.2f s (runs: %s)%n", starts.get(RUNS / 2), starts);
        System.out.printf("peak RSS (VmHWM): max %.0f MB (runs, kB: %s)%n", Collections.max(peaks) / 1024.0, peaks);
    }

    /** Reads until the prompt's "> " at the end of what the bot has printed. */
    private static void waitForPrompt(InputStream out) throws Exception {
        int previous = -1;
        int c;
        while ((c = out.read()) != -1) {
            if (previous == '>' && c == ' ' && out.available() == 0) {
                return;
            }
            previous = c;
        }
        throw new IllegalStateException("the bot stopped before its prompt");
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
