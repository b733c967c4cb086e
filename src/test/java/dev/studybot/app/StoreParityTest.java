package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.in.DailyPostUseCase;
import dev.studybot.port.in.ReviewReminderUseCase;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.MutableClock;
import dev.studybot.support.TestBot;
import dev.studybot.support.memory.MemoryCore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One short scenario told to the core over the in-memory stores and over the SQLite ones: every
 * reply, leaderboard, stats and team list must read the same, so the fakes cannot drift from the
 * SQL stores. The scenario leans on what the SQL gets exactly right: windows at their edges, ties,
 * members whose totals are zero, teams without members, display names unlike the ids, a taken
 * team name, a second workspace.
 */
class StoreParityTest {
    /** Thursday 26 November 2026, 09:00 UTC: six days cross a week, a month, and a season. */
    private static final Instant THURSDAY = Instant.parse("2026-11-26T09:00:00Z");
    private static final ChannelRef STUDY = TestBot.channel("study");
    private static final ChannelRef OTHER = new ChannelRef(TestBot.PLATFORM, "w2", "study");
    private static final Actor ADA = new Actor("ada", "Ada", true, Set.of());

    @TempDir
    Path dir;

    /** What the scenario drives, on either core. */
    private record Core(CommandHandler bot, DailyPostUseCase dailyPosts, ReviewReminderUseCase reminders, FakePlatform platform) {
    }

    /** One thing the scenario read, and what it read. */
    private record Reading(String what, Object value) {
    }

    @Test
    void theMemoryStoresReadLikeTheSqlStores() {
        MutableClock memoryClock = new MutableClock(THURSDAY.minus(Duration.ofHours(1)));
        MemoryCore memory = new MemoryCore(memoryClock);
        List<Reading> fromMemory = new Scenario(new Core(memory.bot(), memory.dailyPosts(), memory.reminders(), memory.platform()), memoryClock).run();

        List<Reading> fromSql;
        MutableClock sqlClock = new MutableClock(THURSDAY.minus(Duration.ofHours(1)));
        try (TestBot sql = new TestBot(dir, sqlClock)) {
            fromSql = new Scenario(new Core(sql.wiring().bot(), sql.wiring().dailyPosts(), sql.wiring().reminders(), sql.platform()), sqlClock).run();
        }

        assertThat(fromMemory).extracting(Reading::what).containsExactlyElementsOf(fromSql.stream().map(Reading::what).toList());
        for (int i = 0; i < fromSql.size(); i++) {
            assertThat(fromMemory.get(i).value()).as(fromSql.get(i).what()).isEqualTo(fromSql.get(i).value());
        }
        assertThat(fromSql).filteredOn(r -> r.value() instanceof Reply.Leaderboard board && board.standings().size() >= 4)
                .as("the boards compared are not empty ones").hasSizeGreaterThan(4);
        assertThat(fromSql).filteredOn(r -> r.value() instanceof Reply.Reviewed).as("reviews were graded").hasSizeGreaterThan(1);
        assertThat(fromSql).filteredOn(r -> r.value() instanceof Reply.Stats stats && stats.progress().map(p -> !p.topics().isEmpty()).orElse(false))
                .as("mastery was compared").isNotEmpty();
        assertThat(fromSql).filteredOn(r -> r.what().endsWith("reminders") && r.value() instanceof Integer n && n > 0)
                .as("reminders went out").hasSize(2);
    }

    /** The scenario, recording every reply and reading in order. */
    private static final class Scenario {
        private final Core core;
        private final MutableClock clock;
        private final List<Reading> readings = new ArrayList<>();

        Scenario(Core core, MutableClock clock) {
            this.core = core;
            this.clock = clock;
        }

        List<Reading> run() {
            // schedule set answers with Quartz's next fire, reckoned on the wall clock: only the schedule is compared
            Reply set = core.bot().handleText(STUDY, ADA, "/study schedule set daily 09:00 UTC").reply();
            readings.add(new Reading("schedule set", ((Reply.ScheduleInfo) set).schedule()));
            say(STUDY, "u-alice", "Alice", "/study team create Tensors");
            say(STUDY, "u-bob", "Bob", "/study team join tensors");
            say(STUDY, "u-carol", "Carol", "/study team create Gradients");
            say(STUDY, "u-dave", "Dave", "/study team create TENSORS");
            say(STUDY, "u-dave", "Dave", "/study team create alpha");
            say(STUDY, "u-erin", "Erin", "/study team create Empty");
            say(STUDY, "u-erin", "Erin", "/study team leave");
            say(OTHER, "u-zed", "Zed", "/study team create Tensors");

            long firstPost = 0;
            for (int d = 0; d < 6; d++) {
                Instant slot = THURSDAY.plus(Duration.ofDays(d));
                clock.set(slot);
                readings.add(new Reading("post " + d, core.dailyPosts().postScheduled(STUDY, slot)));
                Reply.QuestionCard card = (Reply.QuestionCard) say(STUDY, "u-x", "X", "/study today");
                Question q = card.question();
                firstPost = d == 0 ? card.postId().orElseThrow() : firstPost;
                day(d, q, firstPost);
                if (d == 3) {
                    readAll("sunday");
                }
            }
            clock.set(Instant.parse("2026-12-01T10:00:00Z"));
            readAll("tuesday");
            reviews();
            readings.add(new Reading("posted", core.platform().sent().stream().map(FakePlatform.Sent::reply).toList()));
            return readings;
        }

        private void day(int d, Question q, long firstPost) {
            if (d == 2) {
                say(STUDY, "ada", "Ada", "/study season start Winter Sprint");
                answer("u-bob", "Bob", firstPoint(q));
            }
            clock.advance(Duration.ofMinutes(5));
            answer("u-alice", "Alice", d == 3 ? firstPoint(q) : fullAnswer(q));
            if (d == 3) {
                answer("u-alice", "Alice", fullAnswer(q));
                answer("u-bob", "Bob", fullAnswer(q));
                readings.add(new Reading("late answer", core.bot().handle(new Command(STUDY, Actor.member("u-bob", "Bob"),
                        new Action.Answer(Optional.of(fullAnswer(q)), Optional.of(firstPost)))).reply()));
                clock.set(Instant.parse("2026-11-29T23:59:59.999Z"));
                answer("u-hank", "Hank", firstPoint(q));
                clock.set(Instant.parse("2026-11-30T00:00:00Z"));
                answer("u-gina", "Gina", firstPoint(q));
            }
            if (d == 0 || d >= 4) {
                answer("u-dave", "Dave", firstPoint(q));
            }
            if (d >= 4) {
                answer("u-carol", "Carol", firstPoint(q));
            }
            if (d == 1) {
                readings.add(new Reading("the same slot again", core.dailyPosts().postScheduled(STUDY, THURSDAY.plus(Duration.ofDays(d)))));
                say(STUDY, "u-carol", "Carol", "/study reveal");
                answer("u-carol", "Carol", fullAnswer(q));
            }
            if (d == 4) {
                clock.advance(Duration.ofMinutes(5));
                say(STUDY, "ada", "Ada", "/study season end");
                answer("u-frank", "Frank", fullAnswer(q));
                // a second member of the same name: a look-up by name finds the smaller id
                say(STUDY, "u-fra", "frank", "/study topics");
                say(STUDY, "u-bob", "Bobby", "/study team join Gradients");
            }
            if (d == 5) {
                say(STUDY, "u-erin", "Erin", "/study reveal");
                say(OTHER, ADA.userId(), "Ada", "/study post");
                Question other = ((Reply.QuestionCard) say(OTHER, "u-zed", "Zed", "/study today")).question();
                clock.advance(Duration.ofMinutes(1));
                answer(OTHER, "u-zed", "Zed", fullAnswer(other));
            }
        }

        /** Reviews and reminders after the week: memory states, review settings and the claim of a day's reminder. */
        private void reviews() {
            say(STUDY, "u-alice", "Alice", "/study review remind 08:00 UTC");
            say(STUDY, "u-bob", "Bob", "/study review remind 09:30 Europe/Berlin");
            say(STUDY, "u-carol", "Carol", "/study review remind 08:00");
            say(STUDY, "u-carol", "Carol", "/study review off");
            say(OTHER, "u-zed", "Zed", "/study review remind 10:00");
            readings.add(new Reading("reminders", core.reminders().remindDue()));
            readings.add(new Reading("reminders again", core.reminders().remindDue()));
            for (String member : List.of("u-alice", "u-bob", "u-dave", "u-gina")) {
                Reply review = say(STUDY, member, member, "/study review");
                if (review instanceof Reply.ReviewCard card) {
                    say(STUDY, member, member, "/study review answer " + firstPoint(card.question()));
                }
                say(STUDY, member, member, "/study review next Regularization");
                say(STUDY, member, member, "/study stats");
            }
            say(STUDY, ADA.userId(), "Ada", "/study mastery");
            clock.set(Instant.parse("2026-12-08T09:00:00Z"));
            readings.add(new Reading("a week later reminders", core.reminders().remindDue()));
            readings.add(new Reading("told", core.platform().told()));
        }

        private void readAll(String when) {
            for (ChannelRef channel : List.of(STUDY, OTHER)) {
                String where = when + " " + channel.workspace() + " ";
                for (String period : List.of("week", "month", "season", "all")) {
                    readings.add(new Reading(where + period, say(channel, "u-x", "X", "/study leaderboard " + period)));
                    readings.add(new Reading(where + period + " teams", say(channel, "u-x", "X", "/study leaderboard " + period + " teams")));
                }
                readings.add(new Reading(where + "team list", say(channel, "u-x", "X", "/study team list")));
                readings.add(new Reading(where + "season list", say(channel, "u-x", "X", "/study season list")));
                readings.add(new Reading(where + "a season by name, charted",
                        say(channel, "u-x", "X", "/study leaderboard season winter sprint chart")));
                readings.add(new Reading(where + "week charted", say(channel, "u-x", "X", "/study leaderboard week teams chart")));
            }
            for (String member : List.of("u-alice", "bob", "CAROL", "u-dave", "Erin", "u-frank", "FRANK", "gina", "u-hank", "u-x", "nobody")) {
                readings.add(new Reading(when + " stats " + member, say(STUDY, "u-x", "X", "/study stats " + member)));
            }
            readings.add(new Reading(when + " stats zed", say(OTHER, "u-zed", "Zed", "/study stats")));
        }

        private void answer(String id, String name, String text) {
            answer(STUDY, id, name, text);
        }

        private void answer(ChannelRef channel, String id, String name, String text) {
            say(channel, id, name, "/study answer " + text);
        }

        private Reply say(ChannelRef channel, String id, String name, String text) {
            Actor actor = id.equals(ADA.userId()) ? ADA : Actor.member(id, name);
            Reply reply = core.bot().handleText(channel, actor, text).reply();
            readings.add(new Reading(clock.instant() + " " + name + ": " + text, reply));
            return reply;
        }
    }

    private static String fullAnswer(Question q) {
        return q.keyPoints().stream().map(KeyPoint::label).collect(Collectors.joining(". ")) + ".";
    }

    private static String firstPoint(Question q) {
        return q.keyPoints().get(0).label();
    }
}
