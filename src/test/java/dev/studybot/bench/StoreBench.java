package dev.studybot.bench;

import dev.studybot.config.ConfigLoader;
import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Period;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.Response;
import dev.studybot.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Builds a database with 100,000 recorded answers from 1,000 members and times {@code /study search}
 * and {@code /study leaderboard} through the core, as a chat command would run them. Prints median
 * and p99 per command. Run: see README ("Benchmarks").
 */
public final class StoreBench {
    private static final int MEMBERS = 1_000;
    private static final int ANSWERS = 100_000;
    private static final int RUNS = 3_000;
    private static final String WORKSPACE = "bench";

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("studybot-bench");
        Path bank = Path.of(args.length > 0 ? args[0] : "questions");
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        Wiring.Options options = Wiring.Options.of(new ConfigLoader().load(Path.of("config/studybot.yaml"), Map.of()).config(),
                Clock.fixed(now, java.time.ZoneOffset.UTC)).withPaths(dir.resolve("bench.db"), bank);
        try (Wiring wiring = new Wiring(options)) {
            long t0 = System.nanoTime();
            fill(wiring, now);
            System.out.printf("built %,d answers from %,d members in %.1f s (%s)%n", ANSWERS, MEMBERS,
                    (System.nanoTime() - t0) / 1e9, dir.resolve("bench.db"));
            System.out.flush();
            ChannelRef channel = new ChannelRef("bench", WORKSPACE, "c0");
            Actor actor = Actor.member("m1", "member 1");
            String[] queries = {"dropout", "batch normalization", "attention heads", "vanishing gradient lstm", "adam optimizer",
                "precision recall", "what is overfitting", "gan mode collapse", "transfer learning cnn", "\"AND( NEAR *"};
            int[] i = {0};
            report("search", () -> wiring.bot().handle(new Command(channel, actor, new Action.Search(queries[i[0]++ % queries.length]))));
            report("leaderboard all", () -> wiring.bot().handle(new Command(channel, actor, new Action.Leaderboard(Period.ALL, false))));
            report("leaderboard week", () -> wiring.bot().handle(new Command(channel, actor, new Action.Leaderboard(Period.WEEK, false))));
            report("leaderboard all teams", () -> wiring.bot().handle(new Command(channel, actor, new Action.Leaderboard(Period.ALL, true))));
        }
    }

    private static void report(String name, Supplier<Response> command) {
        for (int i = 0; i < RUNS / 3; i++) {
            command.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            command.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-22s median %6.3f ms   p99 %6.3f ms   max %6.3f ms  (%d runs)%n", name,
                nanos[RUNS / 2] / 1e6, nanos[(int) (RUNS * 0.99)] / 1e6, nanos[RUNS - 1] / 1e6, RUNS);
        System.out.flush();
    }

    /** 100 posts over 100 days in 10 channels, each answered by 1,000 members in 20 teams. */
    private static void fill(Wiring wiring, Instant now) throws Exception {
        String ws = "bench:" + WORKSPACE;
        List<String> ids = wiring.bank().all().stream().map(q -> q.id()).toList();
        SplittableRandom random = new SplittableRandom(7);
        try (Connection c = wiring.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement m = c.prepareStatement("INSERT INTO members (workspace, user_id, display_name, name_key) VALUES (?, ?, ?, ?)");
                 PreparedStatement t = c.prepareStatement("INSERT INTO teams (id, workspace, name, name_key) VALUES (?, ?, ?, ?)");
                 PreparedStatement tm = c.prepareStatement("INSERT INTO team_members (workspace, user_id, team_id) VALUES (?, ?, ?)")) {
                for (int team = 1; team <= 20; team++) {
                    t.setInt(1, team);
                    t.setString(2, ws);
                    t.setString(3, "Team " + team);
                    t.setString(4, "team " + team);
                    t.addBatch();
                }
                t.executeBatch();
                for (int u = 0; u < MEMBERS; u++) {
                    m.setString(1, ws);
                    m.setString(2, "m" + u);
                    m.setString(3, "member " + u);
                    m.setString(4, "member " + u);
                    m.addBatch();
                    tm.setString(1, ws);
                    tm.setString(2, "m" + u);
                    tm.setInt(3, 1 + u % 20);
                    tm.addBatch();
                }
                m.executeBatch();
                tm.executeBatch();
            }
            int posts = ANSWERS / MEMBERS;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO posts (id, workspace, channel, question_id, cycle, slot, posted_at, "
                    + "closed_at, message_ref) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)");
                 PreparedStatement s = c.prepareStatement("INSERT INTO submissions (post_id, user_id, workspace, topic, answer, answered, "
                         + "covered, key_points, points, streak, answered_at, revealed_at, practice, scored_at) "
                         + "VALUES (?, ?, ?, ?, ?, 1, ?, 5, ?, 1, ?, NULL, 0, ?)")) {
                for (int post = 1; post <= posts; post++) {
                    long slot = now.minus(Duration.ofDays(posts - post)).toEpochMilli();
                    p.setInt(1, post);
                    p.setString(2, ws);
                    p.setString(3, "c" + post % 10);
                    p.setString(4, ids.get(post % ids.size()));
                    p.setLong(5, slot);
                    p.setLong(6, slot);
                    p.setLong(7, slot + 86_000_000L);
                    p.setString(8, "msg" + post);
                    p.addBatch();
                    for (int u = 0; u < MEMBERS; u++) {
                        int covered = random.nextInt(6);
                        long at = slot + random.nextInt(80_000_000);
                        s.setInt(1, post);
                        s.setString(2, "m" + u);
                        s.setString(3, ws);
                        s.setString(4, "topic " + post % 14);
                        s.setString(5, "an answer of a few words about the question");
                        s.setInt(6, covered);
                        s.setInt(7, 1 + covered * 2);
                        s.setLong(8, at);
                        s.setLong(9, at);
                        s.addBatch();
                    }
                }
                p.executeBatch();
                s.executeBatch();
            }
            try (PreparedStatement totals = c.prepareStatement("INSERT INTO member_totals (workspace, user_id, points, answers) "
                    + "SELECT workspace, user_id, SUM(points), SUM(answered) FROM submissions GROUP BY workspace, user_id")) {
                totals.executeUpdate();
            }
            c.commit();
        }
    }
}
