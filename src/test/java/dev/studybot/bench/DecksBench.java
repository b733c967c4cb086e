package dev.studybot.bench;

import dev.studybot.app.Decks;
import dev.studybot.config.ConfigLoader;
import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.Response;
import dev.studybot.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a workspace's own decks cost: {@code /study search}, {@code question ID} and {@code topics}
 * in a workspace with only the shared bank and in one with 500 questions of its own, on SQLite,
 * through the core as a chat command runs them; and how long writing one more question and the
 * next search (which builds the workspace's index anew) take. Run: see README ("Benchmarks").
 */
public final class DecksBench {
    private static final int OWN = 500;
    private static final int RUNS = 2_000;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("studybot-decks-bench");
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        Wiring.Options options = Wiring.Options.of(new ConfigLoader().load(Path.of("config/studybot.yaml"), Map.of()).config(),
                Clock.fixed(now, ZoneOffset.UTC)).withPaths(dir.resolve("bench.db"), Path.of("questions")).withoutBankWatch();
        try (Wiring wiring = new Wiring(options)) {
            ChannelRef plain = new ChannelRef("bench", "plain", "c0");
            ChannelRef team = new ChannelRef("bench", "team", "c0");
            Decks decks = wiring.decks();
            long t0 = System.nanoTime();
            StringBuilder yaml = new StringBuilder("topic: Team Practices\nquestions:\n");
            for (int i = 0; i < OWN; i++) {
                yaml.append(question(i));
            }
            Decks.Written written = decks.write(team.workspaceRef(), Optional.of("team"), "bench.yaml", yaml.toString(), Decks.Mode.ADD, "U1", now);
            if (!written.ok()) {
                throw new IllegalStateException(written.problems().toString());
            }
            System.out.printf("wrote %d own questions in %.1f s (checked as the bank is)%n", OWN, (System.nanoTime() - t0) / 1e9);
            Actor actor = Actor.member("m1", "member 1");
            String[] queries = {"dropout", "batch normalization", "attention heads", "checks pass service", word(7, 2) + " " + word(7, 3)};
            for (ChannelRef channel : new ChannelRef[] {plain, team}) {
                String where = channel == plain ? "bank only" : "bank + " + OWN + " own";
                int[] i = {0};
                report("search, " + where, () -> handle(wiring, channel, actor, new Action.Search(queries[i[0]++ % queries.length])));
                report("question id, " + where, () -> handle(wiring, channel, actor, new Action.ShowQuestion("team-q-" + (i[0]++ % OWN))));
                report("topics, " + where, () -> handle(wiring, channel, actor, new Action.Topics()));
            }
            long[] writes = new long[20];
            long[] searches = new long[writes.length];
            for (int k = 0; k < writes.length; k++) {
                long start = System.nanoTime();
                decks.write(team.workspaceRef(), Optional.of("team"), "one.yaml", "topic: Team Practices\nquestions:\n" + question(OWN + k),
                        Decks.Mode.ADD, "U1", now);
                long stored = System.nanoTime();
                handle(wiring, team, actor, new Action.Search("checks pass"));
                writes[k] = stored - start;
                searches[k] = System.nanoTime() - stored;
            }
            Arrays.sort(writes);
            Arrays.sort(searches);
            System.out.printf("%-32s median %7.2f ms   max %7.2f ms  (%d runs)%n", "write one question", writes[writes.length / 2] / 1e6,
                    writes[writes.length - 1] / 1e6, writes.length);
            System.out.printf("%-32s median %7.2f ms   max %7.2f ms  (%d runs)%n", "next search (index anew)", searches[searches.length / 2] / 1e6,
                    searches[searches.length - 1] / 1e6, searches.length);
        }
    }

    /** A question of words made for it alone, so no two are near duplicates and each claim is in its answer only. */
    private static String question(int i) {
        return """
                  - id: team-q-%d
                    question: What does the %s step do for the %s service?
                    level: intermediate
                    answer: |
                      It keeps %s %s apart from %s %s until the checks pass.
                    rubric:
                      - claim: The step separates the first part.
                        weight: core
                        phrasings: [%s %s]
                      - claim: The step guards the second part.
                        weight: detail
                        phrasings: [%s %s]
                """.formatted(i, word(i, 0), word(i, 1), word(i, 2), word(i, 3), word(i, 4), word(i, 5), word(i, 2), word(i, 3),
                word(i, 4), word(i, 5));
    }

    /** The {@code k}th made-up word of question {@code i}: letters only, unique to it. */
    private static String word(int i, int k) {
        StringBuilder w = new StringBuilder("qu");
        int n = i * 6 + k;
        do {
            w.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return w.append("ly").toString();
    }

    private static Response handle(Wiring wiring, ChannelRef channel, Actor actor, Action action) {
        return wiring.bot().handle(new Command(channel, actor, action));
    }

    private static void report(String name, Supplier<Response> command) {
        for (int i = 0; i < RUNS / 4; i++) {
            command.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            command.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-32s median %7.3f ms   p99 %7.3f ms  (%d runs)%n", name, nanos[RUNS / 2] / 1e6, nanos[(int) (RUNS * 0.99)] / 1e6, RUNS);
    }
}
