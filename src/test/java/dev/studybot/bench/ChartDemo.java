package dev.studybot.bench;

import dev.studybot.domain.Picture;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.MutableClock;
import dev.studybot.support.TestBot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Writes every chart studybot draws into a folder, from a demo database it builds there through the
 * production wiring (real SQLite, the test bank, a fixed clock): six weeks of a season, three posts
 * a week, six members in two teams and one without. Run:
 * {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.studybot.bench.ChartDemo -Dexec.args=target/charts}
 */
public final class ChartDemo {
    /** Monday 19 October 2026, 09:00 UTC: the season's first post. */
    private static final Instant START = Instant.parse("2026-10-19T09:00:00Z");
    private static final int WEEKS = 6;
    private static final List<String> MEMBERS = List.of("alice", "bob", "carol", "dan", "erin", "frank");
    private static final Map<String, String> TEAMS = Map.of("alice", "Owls", "carol", "Owls", "erin", "Owls", "bob", "Foxes", "dan", "Foxes");

    private ChartDemo() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/charts");
        Files.createDirectories(out);
        Path db = out.resolve("demo.db");
        Files.deleteIfExists(db);
        MutableClock clock = new MutableClock(START.minus(Duration.ofHours(1)));
        List<Picture> pictures = new ArrayList<>();
        try (TestBot bot = new TestBot(db, TestBot.TEST_BANK, clock, o -> o)) {
            for (String member : MEMBERS) {
                Optional.ofNullable(TEAMS.get(member)).ifPresent(team -> {
                    bot.say(member, "study", "/study team create " + team);
                    bot.say(member, "study", "/study team join " + team);
                });
            }
            bot.sayAsAdmin("admin", "study", "/study season start Autumn Cup");
            Random random = new Random(7);
            for (int week = 0; week < WEEKS; week++) {
                for (int day : new int[] {0, 2, 4}) {
                    clock.set(START.plus(Duration.ofDays(7L * week + day)));
                    bot.sayAsAdmin("admin", "study", "/study post");
                    Question q = ((Reply.QuestionCard) bot.say("x", "study", "/study today").reply()).question();
                    clock.advance(Duration.ofHours(2));
                    for (int m = 0; m < MEMBERS.size(); m++) {
                        // earlier members keep up better, and everyone gets better as the weeks go by
                        if (random.nextDouble() < 0.9 - 0.1 * m + 0.02 * week) {
                            bot.say(MEMBERS.get(m), "study", "/study answer " + answer(q, random.nextDouble() + 0.05 * week));
                        }
                    }
                }
            }
            clock.set(START.plus(Duration.ofDays(7L * WEEKS)));
            bot.sayAsAdmin("admin", "study", "/study post");
            last(bot.platform()).ifPresent(pictures::add);
            bot.say("alice", "study", "/study leaderboard all chart").reply().picture().ifPresent(pictures::add);
            bot.say("alice", "study", "/study leaderboard all teams chart").reply().picture().ifPresent(pictures::add);
            bot.say("alice", "study", "/study stats").reply().picture().ifPresent(pictures::add);
            bot.sayAsAdmin("admin", "study", "/study season end").reply().picture().ifPresent(pictures::add);
            System.out.println(bot.text(bot.say("alice", "study", "/study season list")));
        }
        for (Picture p : pictures) {
            Path file = out.resolve(p.fileName());
            Files.write(file, p.png());
            System.out.printf("%s (%,d bytes)%n  alt: %s%n", file, p.size(), p.altText());
        }
        Files.deleteIfExists(db);
    }

    /** The model answer's first {@code share} of its words (all of it from 1 on). */
    private static String answer(Question q, double share) {
        String[] words = q.answer().replaceAll("[*`#_]", "").split("\\s+");
        int n = Math.max(3, (int) Math.round(words.length * Math.min(1.0, share)));
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(n, words.length)));
    }

    /** The chart of the last close that had one (a close early on a Monday has no points of its week to show). */
    private static Optional<Picture> last(FakePlatform platform) {
        return platform.results().reversed().stream().map(s -> s.reply().picture()).flatMap(Optional::stream).findFirst();
    }
}
