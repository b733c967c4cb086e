package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Picture;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.DailyPostUseCase.Outcome;
import dev.studybot.port.in.Visibility;
import dev.studybot.port.out.LeaderboardQuery;
import dev.studybot.port.out.StoreException;
import dev.studybot.support.MutableClock;
import dev.studybot.support.memory.MemoryCore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Pictures in the core's replies (the week's chart at close, progress in stats, a chart on request) and seasons to look back on. */
class ChartsAndSeasonsTest {
    /** Monday 09:00 UTC. */
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final ChannelRef STUDY = MemoryCore.channel("study");

    private final MutableClock clock = new MutableClock(MONDAY.minus(Duration.ofHours(1)));
    private final MemoryCore core = new MemoryCore(clock);

    @Test
    void eachCloseCarriesTheWeeksLeaderboardChartWithAltText() throws IOException {
        Question q = post(MONDAY);
        answer("alice", q.answer());
        answer("bob", "no idea");
        post(MONDAY.plus(Duration.ofDays(1)));

        Reply.Results results = (Reply.Results) core.platform().results().get(0).reply();
        Picture chart = results.picture().orElseThrow();
        assertThat(decode(chart).getWidth()).isGreaterThan(600);
        assertThat(chart.altText()).startsWith("Leaderboard, week of 30 Nov: alice ").contains(", bob 1");
        assertThat(chart.fileName()).isEqualTo("leaderboard-week-2026-11-30.png");
    }

    @Test
    void aBoardThatCannotBeReadCostsTheResultsOnlyTheirChart() {
        Question q = post(MONDAY);
        answer("alice", q.answer());
        core.faults().fail(LeaderboardQuery.class, new StoreException("database is locked", true, null));
        clock.set(MONDAY.plus(Duration.ofDays(1)));
        core.dailyPosts().postNow(STUDY);

        Reply.Results results = (Reply.Results) core.platform().results().get(0).reply();
        assertThat(results.lines()).extracting(Reply.Results.ResultLine::member).containsExactly("alice");
        assertThat(results.picture()).isEmpty();
    }

    @Test
    void aCloseWithNoPointsThisWeekHasNoChart() {
        post(MONDAY);
        post(MONDAY.plus(Duration.ofDays(1)));
        assertThat(core.platform().results().get(0).reply().picture()).isEmpty();
    }

    @Test
    void statsChartTheMembersWeeksAndTheLeaderboardOnlyWhenAsked() throws IOException {
        Question first = post(MONDAY.minus(Duration.ofDays(14)));
        answer("alice", first.answer());
        Question second = post(MONDAY);
        answer("alice", second.answer());

        Reply.Stats stats = (Reply.Stats) core.say("alice", "study", "/study stats").reply();
        Picture progress = stats.picture().orElseThrow();
        assertThat(decode(progress).getHeight()).isGreaterThan(300);
        assertThat(progress.altText()).startsWith("alice's progress, 3 weeks from 16 Nov: " + stats.points() + " points in all")
                .contains("answers per week 1, 0, 1");
        assertThat(((Reply.Stats) core.say("carol", "study", "/study stats").reply()).picture()).as("no history, no chart").isEmpty();

        assertThat(core.say("x", "study", "/study leaderboard").reply().picture()).isEmpty();
        Reply.Leaderboard board = (Reply.Leaderboard) core.say("x", "study", "/study leaderboard all chart").reply();
        assertThat(board.picture().orElseThrow().altText()).startsWith("Leaderboard, all time: alice ");
        decode(board.picture().get());
    }

    @Test
    void aSeasonEndsWithItsFinalStandingsAndChartInTheChannelAndCanBeLookedBackOn() throws IOException {
        assertThat(core.sayAsAdmin("ada", "study", "/study season start Autumn Cup").reply()).isInstanceOf(Reply.Notice.class);
        Question q = post(MONDAY);
        answer("alice", q.answer());
        answer("bob", "no idea");
        clock.set(MONDAY.plus(Duration.ofDays(3)));

        var ended = core.sayAsAdmin("ada", "study", "/study season end");
        assertThat(ended.visibility()).isEqualTo(Visibility.CHANNEL);
        Reply.SeasonEnded end = (Reply.SeasonEnded) ended.reply();
        assertThat(end.name()).isEqualTo("Autumn Cup");
        assertThat(end.started()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(end.ended()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(end.standings()).extracting(s -> s.name()).containsExactly("alice", "bob");
        assertThat(end.picture().orElseThrow().altText()).startsWith("Season Autumn Cup, final standings (30 Nov 2026 – 3 Dec 2026): alice ");
        decode(end.picture().get());
        assertThat(core.text(ended)).contains("Season Autumn Cup has ended", "Winner: alice", "Final standings", "2. bob");

        // points after the end count for the next season only
        core.sayAsAdmin("ada", "study", "/study season start Winter");
        Question next = post(MONDAY.plus(Duration.ofDays(4)));
        answer("bob", next.answer());
        answer("bob", next.answer());

        Reply.SeasonList list = (Reply.SeasonList) core.say("x", "study", "/study season list").reply();
        assertThat(list.seasons()).extracting(Reply.SeasonList.SeasonLine::name).containsExactly("Winter", "Autumn Cup");
        assertThat(list.seasons().get(1).winner()).contains("alice");
        assertThat(list.seasons().get(1).ended()).contains(LocalDate.of(2026, 12, 3));
        assertThat(list.seasons().get(0).ended()).isEmpty();
        assertThat(list.seasons().get(0).winner()).contains("bob");
        assertThat(core.text(core.say("x", "study", "/study season list")))
                .contains("Autumn Cup — 30 Nov 2026 to 3 Dec 2026 · winner alice", "Winter — 3 Dec 2026 to now (running) · leading bob");

        Reply.Leaderboard past = (Reply.Leaderboard) core.say("x", "study", "/study leaderboard season autumn cup").reply();
        assertThat(past.season()).contains("Autumn Cup (ended)");
        assertThat(past.standings()).extracting(s -> s.name()).containsExactly("alice", "bob");
        Reply.Leaderboard latest = (Reply.Leaderboard) core.say("x", "study", "/study leaderboard season").reply();
        assertThat(latest.standings()).extracting(s -> s.name()).containsExactly("bob");
        assertThat(core.say("x", "study", "/study leaderboard season Spring").reply()).isInstanceOf(Reply.Error.class);
    }

    @Test
    void noSeasonsYetIsSaidPlainly() {
        assertThat(core.text(core.say("x", "study", "/study season list"))).contains("No season has been run here yet");
    }

    private Question post(Instant slot) {
        clock.set(slot);
        assertThat(core.dailyPosts().postNow(STUDY)).isEqualTo(Outcome.POSTED);
        return ((Reply.QuestionCard) core.say("x", "study", "/study today").reply()).question();
    }

    private void answer(String user, String text) {
        assertThat(core.say(STUDY, Actor.member(user, user), "/study answer " + text).reply()).isInstanceOf(Reply.Graded.class);
    }

    private static BufferedImage decode(Picture picture) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.png()));
        assertThat(image).isNotNull();
        return image;
    }
}
