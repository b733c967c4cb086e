package dev.studybot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Level;
import dev.studybot.domain.MemoryState;
import dev.studybot.domain.Post;
import dev.studybot.domain.Reviewer;
import dev.studybot.domain.Schedule;
import dev.studybot.domain.Season;
import dev.studybot.domain.Standing;
import dev.studybot.domain.Submission;
import dev.studybot.domain.Team;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.DeckStore;
import dev.studybot.port.out.LeaderboardQuery;
import dev.studybot.port.out.LeaderboardQuery.MemberTotals;
import dev.studybot.port.out.PostedMessage;
import dev.studybot.port.out.TeamStore.TeamSize;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every store port promises, run against each database studybot supports: a subclass opens
 * one migrated database for the class, and every test starts from empty tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {
    static final WorkspaceRef WS = new WorkspaceRef("slack", "T1");
    static final WorkspaceRef OTHER = new WorkspaceRef("discord", "G9");
    static final ChannelRef CHANNEL = new ChannelRef("slack", "T1", "C1");
    static final ChannelRef CHANNEL_2 = new ChannelRef("slack", "T1", "C2");
    static final ChannelRef OTHER_CHANNEL = new ChannelRef("discord", "G9", "C1");
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Database db;
    SqlPostStore posts;
    SqlSubmissionStore submissions;
    SqlTeamStore teams;
    SqlSeasonStore seasons;
    SqlScheduleStore schedules;
    SqlMemberStore members;
    SqlLeaderboardQuery boards;
    SqlDeliveryQueue queue;
    SqlNodeRegistry nodes;

    /** Opens a new, migrated database; called once for the class. */
    abstract Database open() throws Exception;

    /** Releases what {@link #open} started, after the database is closed. */
    void shutDown() throws Exception {
    }

    @BeforeAll
    void openDatabase() throws Exception {
        db = open();
    }

    @AfterAll
    void closeDatabase() throws Exception {
        try {
            if (db != null) {
                db.close();
            }
        } finally {
            shutDown();
        }
    }

    Database database() {
        return db;
    }

    @BeforeEach
    void emptyTablesAndFreshStores() {
        db.jdbc().inTransaction(c -> {
            for (String table : List.of("submissions", "member_totals", "posts", "team_members", "teams", "seasons", "schedules", "members", "deliveries",
                    "leases", "nodes", "decks", "deck_questions")) {
                Jdbc.update(c, "DELETE FROM " + table);
            }
            return null;
        });
        Jdbc jdbc = db.jdbc();
        posts = new SqlPostStore(jdbc);
        submissions = new SqlSubmissionStore(jdbc);
        teams = new SqlTeamStore(jdbc);
        seasons = new SqlSeasonStore(jdbc);
        schedules = new SqlScheduleStore(jdbc);
        members = new SqlMemberStore(jdbc);
        boards = new SqlLeaderboardQuery(jdbc);
        queue = new SqlDeliveryQueue(jdbc);
        nodes = new SqlNodeRegistry(jdbc);
    }

    @Test
    void theSchemaIsAtTheNewestVersion() {
        assertThat(Database.schemaVersion(db.dataSource())).isEqualTo(Database.SCHEMA_VERSION);
    }

    // ---- posts

    private Post reserve(ChannelRef channel, String question, int cycle, Instant slot) {
        return posts.reserve(channel, question, cycle, slot, slot, slot.plusSeconds(3600)).orElseThrow();
    }

    private Post delivered(ChannelRef channel, String question, int cycle, Instant slot) {
        Post p = reserve(channel, question, cycle, slot);
        posts.attach(p.id(), new PostedMessage("m-" + p.id(), Optional.of("t-" + p.id())));
        return p;
    }

    @Test
    void aSlotIsReservedOnce() {
        Optional<Post> first = posts.reserve(CHANNEL, "q1", 1, T0, T0, T0.plusSeconds(60));
        assertThat(first).isPresent();
        assertThat(first.get().questionId()).isEqualTo("q1");
        assertThat(first.get().slot()).isEqualTo(T0);

        assertThat(posts.reserve(CHANNEL, "q2", 1, T0, T0.plusSeconds(5), null)).isEmpty();
        // another channel, another workspace, another slot: each its own
        assertThat(posts.reserve(CHANNEL_2, "q1", 1, T0, T0, null)).isPresent();
        assertThat(posts.reserve(OTHER_CHANNEL, "q1", 1, T0, T0, null)).isPresent();
        assertThat(posts.reserve(CHANNEL, "q2", 1, T0.plusSeconds(86400), T0, null)).isPresent();
        assertThat(posts.byId(first.get().id()).orElseThrow().questionId()).isEqualTo("q1");
    }

    @Test
    void releaseFreesAnUndeliveredSlotOnly() {
        Post undelivered = reserve(CHANNEL, "q1", 1, T0);
        posts.release(undelivered.id());
        assertThat(posts.byId(undelivered.id())).isEmpty();
        assertThat(posts.reserve(CHANNEL, "q2", 1, T0, T0, null)).isPresent();

        Post sent = delivered(CHANNEL, "q3", 1, T0.plusSeconds(86400));
        posts.release(sent.id());
        assertThat(posts.byId(sent.id())).isPresent();
    }

    @Test
    void attachAndByIdRoundTripEveryColumn() {
        ChannelRef addressed = CHANNEL.withAddress(Optional.of("{\"conversation\":\"abc\"}"));
        Post p = posts.reserve(addressed, "q1", 3, T0, T0.plusMillis(1234), T0.plusSeconds(60)).orElseThrow();
        posts.attach(p.id(), new PostedMessage("msg-1", Optional.empty()));

        Post read = posts.byId(p.id()).orElseThrow();
        assertThat(read.channel()).isEqualTo(CHANNEL);
        assertThat(read.channel().address()).contains("{\"conversation\":\"abc\"}");
        assertThat(read.questionId()).isEqualTo("q1");
        assertThat(read.slot()).isEqualTo(T0);
        assertThat(read.postedAt()).isEqualTo(T0.plusMillis(1234));
        assertThat(read.messageRef()).isEqualTo("msg-1");
        assertThat(read.thread()).isEmpty();
        assertThat(read.isOpen()).isTrue();

        posts.attach(p.id(), new PostedMessage("msg-1", Optional.of("thread-1")));
        assertThat(posts.byId(p.id()).orElseThrow().thread()).contains("thread-1");
        assertThat(posts.byId(p.id() + 1000)).isEmpty();
    }

    @Test
    void closeSucceedsOnceAndKeepsTheFirstTime() {
        Post p = delivered(CHANNEL, "q1", 1, T0);
        assertThat(posts.close(p.id(), T0.plusSeconds(10))).isTrue();
        assertThat(posts.close(p.id(), T0.plusSeconds(20))).isFalse();
        assertThat(posts.byId(p.id()).orElseThrow().closedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(posts.close(p.id() + 1000, T0)).isFalse();
    }

    @Test
    void openAndLatestSeeDeliveredPostsOfTheirChannelOnly() {
        assertThat(posts.open(CHANNEL)).isEmpty();
        assertThat(posts.latest(CHANNEL)).isEmpty();
        Post older = delivered(CHANNEL, "q1", 1, T0);
        Post newer = delivered(CHANNEL, "q2", 1, T0.plusSeconds(86400));
        reserve(CHANNEL, "q3", 1, T0.plusSeconds(2 * 86400)); // not delivered yet
        delivered(OTHER_CHANNEL, "q9", 1, T0.plusSeconds(3 * 86400));

        assertThat(posts.open(CHANNEL).orElseThrow().id()).isEqualTo(newer.id());
        posts.close(newer.id(), T0.plusSeconds(90000));
        assertThat(posts.open(CHANNEL).orElseThrow().id()).isEqualTo(older.id());
        assertThat(posts.latest(CHANNEL).orElseThrow().id()).isEqualTo(newer.id());
        posts.close(older.id(), T0.plusSeconds(90000));
        assertThat(posts.open(CHANNEL)).isEmpty();
        assertThat(posts.latest(CHANNEL).orElseThrow().id()).isEqualTo(newer.id());
    }

    @Test
    void dueToCloseListsOpenPostsWhoseTimeHasCome() {
        Post due = posts.reserve(CHANNEL, "q1", 1, T0, T0, T0.plusSeconds(60)).orElseThrow();
        Post exactlyDue = posts.reserve(CHANNEL_2, "q1", 1, T0, T0, T0.plusSeconds(120)).orElseThrow();
        posts.reserve(OTHER_CHANNEL, "q1", 1, T0, T0, T0.plusSeconds(121)).orElseThrow();
        posts.reserve(CHANNEL, "q2", 1, T0.plusSeconds(1), T0, null).orElseThrow();
        Post closed = posts.reserve(CHANNEL, "q3", 1, T0.plusSeconds(2), T0, T0.plusSeconds(1)).orElseThrow();
        posts.close(closed.id(), T0.plusSeconds(1));

        assertThat(posts.dueToClose(T0.plusSeconds(120))).extracting(Post::id).containsExactly(due.id(), exactlyDue.id());
    }

    @Test
    void cyclesAndRecentPosts() {
        assertThat(posts.currentCycle(CHANNEL)).isZero();
        Post a = delivered(CHANNEL, "q1", 1, T0);
        Post b = delivered(CHANNEL, "q2", 1, T0.plusSeconds(86400));
        Post c = delivered(CHANNEL, "q1", 2, T0.plusSeconds(2 * 86400));
        reserve(CHANNEL, "q4", 2, T0.plusSeconds(3 * 86400));
        delivered(OTHER_CHANNEL, "q7", 5, T0);

        assertThat(posts.currentCycle(CHANNEL)).isEqualTo(2);
        assertThat(posts.currentCycle(OTHER_CHANNEL)).isEqualTo(5);
        assertThat(posts.questionsInCycle(CHANNEL, 1)).containsExactlyInAnyOrder("q1", "q2");
        assertThat(posts.questionsInCycle(CHANNEL, 2)).containsExactlyInAnyOrder("q1", "q4");
        assertThat(posts.recent(CHANNEL, 2)).containsExactly(c.id(), b.id());
        assertThat(posts.recent(CHANNEL, 10)).containsExactly(c.id(), b.id(), a.id());
    }

    // ---- submissions

    private static Submission answer(long post, String user, int covered, int keyPoints, int points, Instant at) {
        return new Submission(post, user, "answer of " + user, covered, keyPoints, points, 1, at, null, false);
    }

    @Test
    void aSubmissionRoundTripsAndASecondSaveReplacesIt() {
        Post p = delivered(CHANNEL, "q1", 1, T0);
        Submission first = new Submission(p.id(), "U1", "first", 1, 4, 10, 2, T0.plusSeconds(5), null, true);
        submissions.save(WS, "cnn", first);
        assertThat(submissions.find(p.id(), "U1")).contains(first);

        Submission second = new Submission(p.id(), "U1", "second", 3, 4, 30, 3, T0.plusSeconds(9), T0.plusSeconds(10), false);
        submissions.save(WS, "cnn", second);
        assertThat(submissions.find(p.id(), "U1")).contains(second);
        assertThat(submissions.forPost(p.id())).containsExactly(second);
        // the running totals count the replacement, not both
        assertThat(boards.members(WS, Instant.EPOCH, T0.plusSeconds(86400), 10))
                .extracting(Standing::id, Standing::points, Standing::answers).containsExactly(tuple("U1", 30L, 1L));
        assertThat(submissions.find(p.id(), "U2")).isEmpty();
    }

    @Test
    void aRevealWithoutAnAnswerIsNotAnAnswer() {
        Post p = delivered(CHANNEL, "q1", 1, T0);
        Post q = delivered(CHANNEL, "q2", 1, T0.plusSeconds(86400));
        Post r = delivered(CHANNEL, "q3", 1, T0.plusSeconds(2 * 86400));
        submissions.save(WS, "cnn", answer(p.id(), "U1", 1, 2, 5, T0.plusSeconds(1)));
        submissions.save(WS, "cnn", new Submission(q.id(), "U1", null, 0, 2, 0, 0, null, T0.plusSeconds(86401), false));
        submissions.save(WS, "cnn", answer(r.id(), "U2", 1, 2, 5, T0.plusSeconds(1)));

        assertThat(submissions.answered("U1", List.of(p.id(), q.id(), r.id()))).containsExactly(p.id());
        assertThat(submissions.answered("U1", List.of())).isEmpty();
        assertThat(submissions.forPost(q.id())).singleElement().satisfies(s -> {
            assertThat(s.answered()).isFalse();
            assertThat(s.revealed()).isTrue();
        });
        assertThat(boards.members(WS, Instant.EPOCH, T0, 10)).extracting(Standing::id, Standing::answers)
                .containsExactlyInAnyOrder(tuple("U1", 1L), tuple("U2", 1L));
    }

    // ---- teams

    @Test
    void teamNamesAreUniqueCaseInsensitivelyPerWorkspace() {
        Team alpha = teams.create(WS, "Alpha").orElseThrow();
        assertThat(alpha.name()).isEqualTo("Alpha");
        assertThat(alpha.workspace()).isEqualTo(WS);
        assertThat(teams.create(WS, "ALPHA")).isEmpty();
        assertThat(teams.create(WS, "alpha")).isEmpty();
        assertThat(teams.find(WS, "aLpHa")).contains(alpha);
        assertThat(teams.find(WS, "beta")).isEmpty();
        assertThat(teams.create(OTHER, "alpha")).isPresent();
        assertThat(teams.find(OTHER, "ALPHA").orElseThrow().id()).isNotEqualTo(alpha.id());
    }

    @Test
    void aMemberIsInOneTeamAtATime() {
        Team alpha = teams.create(WS, "Alpha").orElseThrow();
        Team beta = teams.create(WS, "beta").orElseThrow();
        assertThat(teams.teamOf(WS, "U1")).isEmpty();
        teams.join(alpha, "U1");
        teams.join(alpha, "U2");
        assertThat(teams.teamOf(WS, "U1")).contains(alpha);
        teams.join(beta, "U1");
        assertThat(teams.teamOf(WS, "U1")).contains(beta);
        assertThat(teams.teamOf(OTHER, "U1")).isEmpty();
        assertThat(teams.list(WS)).containsExactly(new TeamSize(alpha, 1), new TeamSize(beta, 1));

        assertThat(teams.leave(WS, "U1")).isTrue();
        assertThat(teams.leave(WS, "U1")).isFalse();
        assertThat(teams.teamOf(WS, "U1")).isEmpty();
        // a team nobody is in is not listed
        assertThat(teams.list(WS)).containsExactly(new TeamSize(alpha, 1));
        assertThat(teams.list(OTHER)).isEmpty();
    }

    @Test
    void teamsAreListedByNameWhateverTheirCase() {
        Team zed = teams.create(WS, "zed").orElseThrow();
        Team able = teams.create(WS, "Able").orElseThrow();
        Team mid = teams.create(WS, "Mid").orElseThrow();
        teams.join(zed, "U1");
        teams.join(able, "U2");
        teams.join(mid, "U3");
        teams.join(mid, "U4");
        assertThat(teams.list(WS)).containsExactly(new TeamSize(able, 1), new TeamSize(mid, 2), new TeamSize(zed, 1));
    }

    // ---- seasons

    @Test
    void aSeasonIsCurrentUntilItEnds() {
        assertThat(seasons.current(WS)).isEmpty();
        assertThat(seasons.latest(WS)).isEmpty();
        Season spring = seasons.start(WS, "Spring", T0);
        assertThat(spring).isEqualTo(new Season(spring.id(), WS, "Spring", T0, Optional.empty()));
        assertThat(seasons.current(WS)).contains(spring);
        assertThat(seasons.current(OTHER)).isEmpty();

        seasons.end(spring, T0.plusSeconds(100));
        seasons.end(spring, T0.plusSeconds(200)); // ending again keeps the first end
        assertThat(seasons.current(WS)).isEmpty();
        assertThat(seasons.latest(WS)).contains(new Season(spring.id(), WS, "Spring", T0, Optional.of(T0.plusSeconds(100))));

        Season summer = seasons.start(WS, "Summer", T0.plusSeconds(300));
        assertThat(seasons.latest(WS)).contains(summer);
        assertThat(seasons.current(WS)).contains(summer);
    }

    @Test
    void everySeasonOfAWorkspaceIsListedStartedLastFirst() {
        assertThat(seasons.all(WS)).isEmpty();
        Season spring = seasons.start(WS, "Spring", T0);
        seasons.end(spring, T0.plusSeconds(100));
        seasons.start(OTHER, "Elsewhere", T0.plusSeconds(150));
        Season summer = seasons.start(WS, "Summer", T0.plusSeconds(200));

        assertThat(seasons.all(WS)).containsExactly(summer,
                new Season(spring.id(), WS, "Spring", T0, Optional.of(T0.plusSeconds(100))));
        assertThat(seasons.all(OTHER)).extracting(Season::name).containsExactly("Elsewhere");
    }

    // ---- schedules

    @Test
    void aScheduleRoundTripsWithItsAddressAndIsReplacedBySavingAgain() {
        ChannelRef addressed = CHANNEL.withAddress(Optional.of("conversation-ref"));
        Schedule s = new Schedule(addressed, "weekdays 9:00", "0 0 9 ? * MON-FRI", ZoneId.of("Europe/Berlin"),
                Optional.of("cnn"), Optional.of(Level.ADVANCED), Optional.of("U1"), Optional.empty());
        schedules.save(s);
        Schedule read = schedules.find(CHANNEL).orElseThrow();
        assertThat(read).isEqualTo(s);
        assertThat(read.channel().address()).contains("conversation-ref");

        Schedule paused = new Schedule(CHANNEL, "daily 8:00", "0 0 8 * * ?", ZoneId.of("UTC"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("missing permission"));
        schedules.save(paused);
        Schedule again = schedules.find(CHANNEL).orElseThrow();
        assertThat(again).isEqualTo(paused);
        assertThat(again.channel().address()).isEmpty();
        assertThat(again.paused()).isTrue();
        assertThat(schedules.all()).hasSize(1);
    }

    @Test
    void schedulesAreListedAndDeletedPerChannel() {
        Schedule a = new Schedule(CHANNEL_2, "daily", "0 0 9 * * ?", ZoneId.of("UTC"), null, null, null, null);
        Schedule b = new Schedule(CHANNEL, "daily", "0 0 9 * * ?", ZoneId.of("UTC"), null, null, null, null);
        Schedule c = new Schedule(OTHER_CHANNEL, "daily", "0 0 9 * * ?", ZoneId.of("Asia/Tokyo"), null, null, null, null);
        schedules.save(a);
        schedules.save(b);
        schedules.save(c);
        // by workspace key, then channel
        assertThat(schedules.all()).extracting(Schedule::channel).containsExactly(OTHER_CHANNEL, CHANNEL, CHANNEL_2);
        assertThat(schedules.delete(CHANNEL)).isTrue();
        assertThat(schedules.delete(CHANNEL)).isFalse();
        assertThat(schedules.find(CHANNEL)).isEmpty();
        assertThat(schedules.find(OTHER_CHANNEL)).contains(c);
    }

    // ---- members

    @Test
    void membersAreFoundByIdOrNameCaseInsensitively() {
        members.remember(WS, "U1", "Ada Lovelace");
        members.remember(WS, "U2", "grace");
        members.remember(OTHER, "U3", "Ada Lovelace");
        assertThat(members.displayName(WS, "U1")).contains("Ada Lovelace");
        assertThat(members.displayName(WS, "U3")).isEmpty();
        assertThat(members.find(WS, "U2")).contains("U2");
        assertThat(members.find(WS, "ada lovelace")).contains("U1");
        assertThat(members.find(WS, "GRACE")).contains("U2");
        assertThat(members.find(WS, "nobody")).isEmpty();
        assertThat(members.find(OTHER, "ADA LOVELACE")).contains("U3");

        members.remember(WS, "U1", "Countess");
        assertThat(members.displayName(WS, "U1")).contains("Countess");
        assertThat(members.find(WS, "ada lovelace")).isEmpty();
        assertThat(members.find(WS, "countess")).contains("U1");
    }

    // ---- leaderboards

    @Test
    void windowsCountFromInclusiveToExclusive() {
        Post p1 = delivered(CHANNEL, "q1", 1, T0);
        Post p2 = delivered(CHANNEL, "q2", 1, T0.plusSeconds(86400));
        Post p3 = delivered(CHANNEL, "q3", 1, T0.plusSeconds(2 * 86400));
        submissions.save(WS, "cnn", answer(p1.id(), "U1", 1, 2, 10, T0));
        submissions.save(WS, "cnn", answer(p2.id(), "U1", 1, 2, 20, T0.plusSeconds(86400)));
        submissions.save(WS, "cnn", answer(p3.id(), "U1", 1, 2, 40, T0.plusSeconds(2 * 86400)));
        submissions.save(WS, "cnn", answer(p2.id(), "U2", 1, 2, 25, T0.plusSeconds(86400).minusMillis(1)));

        List<Standing> day2 = boards.members(WS, T0.plusSeconds(86400), T0.plusSeconds(2 * 86400), 10);
        assertThat(day2).extracting(Standing::id, Standing::points, Standing::answers).containsExactly(tuple("U1", 20L, 1L));

        List<Standing> twoDays = boards.members(WS, T0, T0.plusSeconds(2 * 86400), 10);
        assertThat(twoDays).extracting(Standing::id, Standing::points).containsExactly(tuple("U1", 30L), tuple("U2", 25L));

        List<Standing> allTime = boards.members(WS, Instant.EPOCH, T0, 10);
        assertThat(allTime).extracting(Standing::id, Standing::points, Standing::answers)
                .containsExactly(tuple("U1", 70L, 3L), tuple("U2", 25L, 1L));
        assertThat(boards.members(WS, T0.plusSeconds(3 * 86400), T0.plusSeconds(4 * 86400), 10)).isEmpty();
    }

    @Test
    void aMembersHistoryIsTheirScoredRowsSinceAnInstantOldestFirst() {
        Post p1 = delivered(CHANNEL, "q1", 1, T0);
        Post p2 = delivered(CHANNEL, "q2", 1, T0.plusSeconds(86400));
        submissions.save(WS, "cnn", answer(p2.id(), "U1", 1, 2, 20, T0.plusSeconds(86400)));
        submissions.save(WS, "cnn", answer(p1.id(), "U1", 2, 2, 11, T0));
        submissions.save(WS, "cnn", answer(p1.id(), "U2", 1, 2, 5, T0));

        assertThat(boards.history(WS, "U1", Instant.EPOCH))
                .containsExactly(new LeaderboardQuery.Scored(T0, 11, true), new LeaderboardQuery.Scored(T0.plusSeconds(86400), 20, true));
        assertThat(boards.history(WS, "U1", T0.plusSeconds(1))).extracting(LeaderboardQuery.Scored::points).containsExactly(20L);
        assertThat(boards.history(OTHER, "U1", Instant.EPOCH)).isEmpty();
    }

    @Test
    void equalPointsShareARankAndNamesComeFromMembers() {
        Post p = delivered(CHANNEL, "q1", 1, T0);
        int[] points = {30, 20, 20, 10};
        String[] users = {"U4", "U2", "U3", "U1"};
        for (int i = 0; i < users.length; i++) {
            submissions.save(WS, "cnn", answer(p.id(), users[i], 1, 2, points[i], T0.plusSeconds(i)));
        }
        members.remember(WS, "U2", "Bea");
        members.remember(OTHER, "U3", "Elsewhere");

        for (Instant from : List.of(Instant.EPOCH, T0)) {
            List<Standing> board = boards.members(WS, from, T0.plusSeconds(3600), 10);
            assertThat(board).extracting(Standing::rank, Standing::id, Standing::name, Standing::points)
                    .containsExactly(tuple(1, "U4", "U4", 30L), tuple(2, "U2", "Bea", 20L), tuple(2, "U3", "U3", 20L),
                            tuple(4, "U1", "U1", 10L));
            assertThat(board).allSatisfy(s -> assertThat(s.members()).isEqualTo(1));
            assertThat(boards.members(WS, from, T0.plusSeconds(3600), 2)).extracting(Standing::id).containsExactly("U4", "U2");
        }
    }

    @Test
    void teamBoardsSumTheirMembers() {
        Post p = delivered(CHANNEL, "q1", 1, T0);
        Post old = delivered(CHANNEL, "q0", 1, T0.minusSeconds(86400));
        Team red = teams.create(WS, "Red").orElseThrow();
        Team blue = teams.create(WS, "blue").orElseThrow();
        Team idle = teams.create(WS, "Idle").orElseThrow();
        teams.join(red, "U1");
        teams.join(red, "U2");
        teams.join(blue, "U3");
        teams.join(idle, "U9");
        submissions.save(WS, "cnn", answer(p.id(), "U1", 1, 2, 10, T0));
        submissions.save(WS, "cnn", answer(p.id(), "U2", 1, 2, 20, T0));
        submissions.save(WS, "cnn", answer(p.id(), "U3", 1, 2, 30, T0));
        submissions.save(WS, "cnn", answer(old.id(), "U3", 1, 2, 50, T0.minusSeconds(86400)));
        submissions.save(WS, "cnn", answer(p.id(), "U5", 1, 2, 99, T0)); // in no team

        List<Standing> window = boards.teams(WS, T0, T0.plusSeconds(3600), 10);
        assertThat(window).extracting(Standing::rank, Standing::name, Standing::points, Standing::answers, Standing::members)
                                // ties by name, compared bytewise: upper case first
                .containsExactly(tuple(1, "Red", 30L, 2L, 2), tuple(1, "blue", 30L, 1L, 1), tuple(3, "Idle", 0L, 0L, 1));
        assertThat(window.get(0).average()).isEqualTo(15.0);
        assertThat(window.get(0).id()).isEqualTo(String.valueOf(red.id()));

        List<Standing> allTime = boards.teams(WS, Instant.EPOCH, T0.plusSeconds(3600), 2);
        assertThat(allTime).extracting(Standing::name, Standing::points).containsExactly(tuple("blue", 80L), tuple("Red", 30L));
        assertThat(boards.teams(OTHER, Instant.EPOCH, T0, 10)).isEmpty();
    }

    @Test
    void memberTotalsAreGroupedByTopic() {
        Post p1 = delivered(CHANNEL, "q1", 1, T0);
        Post p2 = delivered(CHANNEL, "q2", 1, T0.plusSeconds(86400));
        Post p3 = delivered(CHANNEL, "q3", 1, T0.plusSeconds(2 * 86400));
        submissions.save(WS, "rnn", answer(p1.id(), "U1", 1, 4, 10, T0));
        submissions.save(WS, "cnn", answer(p2.id(), "U1", 3, 4, 30, T0.plusSeconds(86400)));
        submissions.save(WS, "cnn", answer(p3.id(), "U1", 1, 2, 15, T0.plusSeconds(2 * 86400)));
        submissions.save(WS, "cnn", new Submission(p1.id(), "U2", null, 0, 4, 0, 0, null, T0, false));

        MemberTotals totals = boards.totals(WS, "U1");
        assertThat(totals.points()).isEqualTo(55);
        assertThat(totals.answers()).isEqualTo(3);
        assertThat(totals.topics()).extracting(LeaderboardQuery.TopicAccuracy::topic, LeaderboardQuery.TopicAccuracy::answers)
                .containsExactly(tuple("cnn", 2L), tuple("rnn", 1L));
        assertThat(totals.topics().get(0).coverage()).isCloseTo(0.625, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(totals.topics().get(1).coverage()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(boards.totals(WS, "U2")).isEqualTo(new MemberTotals(0, 0, List.of()));
        assertThat(boards.totals(OTHER, "U1")).isEqualTo(new MemberTotals(0, 0, List.of()));
    }

    @Test
    void workspacesDoNotSeeEachOther() {
        Post here = delivered(CHANNEL, "q1", 1, T0);
        Post there = delivered(OTHER_CHANNEL, "q1", 1, T0);
        submissions.save(WS, "cnn", answer(here.id(), "U1", 1, 2, 10, T0));
        submissions.save(OTHER, "cnn", answer(there.id(), "U1", 1, 2, 70, T0));
        members.remember(OTHER, "U1", "Far");
        teams.join(teams.create(OTHER, "Far team").orElseThrow(), "U1");
        seasons.start(OTHER, "Elsewhere", T0);

        for (Instant from : List.of(Instant.EPOCH, T0)) {
            assertThat(boards.members(WS, from, T0.plusSeconds(60), 10)).extracting(Standing::id, Standing::name, Standing::points)
                    .containsExactly(tuple("U1", "U1", 10L));
            assertThat(boards.teams(WS, from, T0.plusSeconds(60), 10)).isEmpty();
            assertThat(boards.teams(OTHER, from, T0.plusSeconds(60), 10)).extracting(Standing::name, Standing::points)
                    .containsExactly(tuple("Far team", 70L));
        }
        assertThat(boards.totals(WS, "U1").points()).isEqualTo(10);
        assertThat(teams.teamOf(WS, "U1")).isEmpty();
        assertThat(teams.find(WS, "far team")).isEmpty();
        assertThat(members.find(WS, "far")).isEmpty();
        assertThat(seasons.current(WS)).isEmpty();
        assertThat(posts.open(CHANNEL).orElseThrow().id()).isEqualTo(here.id());
    }

    // ---- the delivery queue, nodes and leases

    @Test
    void aReservationNeverSentIsFoundForItsSlotUntilItIsAttached() {
        Post p = reserve(CHANNEL, "q1", 1, T0);
        assertThat(posts.unsent(CHANNEL, T0)).map(Post::id).contains(p.id());
        assertThat(posts.unsent(CHANNEL, T0.plusSeconds(1))).isEmpty();
        assertThat(posts.unsent(CHANNEL_2, T0)).isEmpty();
        posts.attach(p.id(), new PostedMessage("m1", Optional.empty()));
        assertThat(posts.unsent(CHANNEL, T0)).isEmpty();
    }

    @Test
    void aDeliveryIsClaimedByOneNodeAtATimeUntilItsClaimRunsOut() {
        java.time.Duration lease = java.time.Duration.ofMinutes(2);
        queue.add(CHANNEL, T0, T0);
        queue.add(CHANNEL, T0, T0);
        queue.add(OTHER_CHANNEL, T0, T0);
        assertThat(queue.waiting()).isEqualTo(2);

        var claimed = queue.claim("a", java.util.Set.of("slack"), T0, lease, 10);
        assertThat(claimed).singleElement().satisfies(d -> {
            assertThat(d.channel()).isEqualTo(CHANNEL);
            assertThat(d.slot()).isEqualTo(T0);
            assertThat(d.attempts()).isEqualTo(1);
        });
        assertThat(queue.claim("b", java.util.Set.of("slack", "discord"), T0.plusSeconds(60), lease, 10))
                .extracting(d -> d.channel()).containsExactly(OTHER_CHANNEL);
        // node a died: its claim runs out and node b takes the delivery
        assertThat(queue.claim("b", java.util.Set.of("slack"), T0.plusSeconds(121), lease, 10))
                .singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
        queue.done(claimed.get(0));
        assertThat(queue.waiting()).isEqualTo(1);
    }

    @Test
    void aNodeKeepsItsClaimsWhileItExtendsThem() {
        java.time.Duration lease = java.time.Duration.ofSeconds(30);
        queue.add(CHANNEL, T0, T0);
        assertThat(queue.claim("a", java.util.Set.of("slack"), T0, lease, 10)).hasSize(1);
        queue.extend("a", T0.plusSeconds(60));
        queue.extend("b", T0.plusSeconds(500));
        assertThat(queue.claim("b", java.util.Set.of("slack"), T0.plusSeconds(45), lease, 10)).as("a extended its claim").isEmpty();
        assertThat(queue.claim("b", java.util.Set.of("slack"), T0.plusSeconds(61), lease, 10)).as("and then stopped").hasSize(1);
    }

    @Test
    void aDeliveryPutBackWaitsUntilItsTimeAndClaimsComeOldestSlotFirst() {
        java.time.Duration lease = java.time.Duration.ofMinutes(2);
        queue.add(CHANNEL, T0.plusSeconds(60), T0.plusSeconds(60));
        queue.add(CHANNEL_2, T0, T0);
        assertThat(queue.claim("a", java.util.Set.of("slack"), T0, lease, 10)).extracting(d -> d.channel()).containsExactly(CHANNEL_2);
        // once its claim has run out, the older slot comes first
        var first = queue.claim("a", java.util.Set.of("slack"), T0.plusSeconds(200), lease, 1);
        assertThat(first).extracting(d -> d.channel()).containsExactly(CHANNEL_2);
        queue.done(first.get(0));
        var next = queue.claim("a", java.util.Set.of("slack"), T0.plusSeconds(200), lease, 1);
        assertThat(next).extracting(d -> d.channel()).containsExactly(CHANNEL);
        queue.later(next.get(0), T0.plusSeconds(500));
        assertThat(queue.claim("a", java.util.Set.of("slack"), T0.plusSeconds(400), lease, 10)).isEmpty();
        assertThat(queue.claim("a", java.util.Set.of("slack"), T0.plusSeconds(500), lease, 10)).extracting(d -> d.channel())
                .containsExactly(CHANNEL);
    }

    @Test
    void aLeaseIsHeldByOneNodeAndTakenOverWhenItRunsOut() {
        java.time.Duration ttl = java.time.Duration.ofSeconds(20);
        assertThat(nodes.hold("gateway", "a", T0, ttl)).isTrue();
        assertThat(nodes.hold("gateway", "b", T0.plusSeconds(5), ttl)).isFalse();
        assertThat(nodes.hold("gateway", "a", T0.plusSeconds(10), ttl)).as("renewed").isTrue();
        assertThat(nodes.hold("gateway", "b", T0.plusSeconds(25), ttl)).as("a renewed until 30 s").isFalse();
        assertThat(nodes.hold("gateway", "b", T0.plusSeconds(31), ttl)).isTrue();
        assertThat(nodes.hold("gateway", "a", T0.plusSeconds(32), ttl)).isFalse();
        nodes.release("gateway", "a");
        assertThat(nodes.hold("gateway", "a", T0.plusSeconds(33), ttl)).as("a cannot release b's lease").isFalse();
        nodes.release("gateway", "b");
        assertThat(nodes.hold("gateway", "a", T0.plusSeconds(34), ttl)).isTrue();
    }

    @Test
    void liveNodesCountsRecentHeartbeatsAndALeavingNodeDropsItsLeases() {
        java.time.Duration within = java.time.Duration.ofSeconds(15);
        assertThat(nodes.liveNodes(T0, within)).isEqualTo(1);
        nodes.heartbeat("a", T0);
        nodes.heartbeat("b", T0.plusSeconds(5));
        nodes.heartbeat("c", T0.minusSeconds(60));
        assertThat(nodes.liveNodes(T0.plusSeconds(10), within)).isEqualTo(2);
        assertThat(nodes.liveNodes(T0.plusSeconds(18), within)).isEqualTo(1);
        nodes.hold("gateway", "b", T0, within);
        nodes.leave("b");
        assertThat(nodes.hold("gateway", "a", T0.plusSeconds(1), within)).isTrue();
    }

    // ---- memory states and review settings

    SqlMemoryStore memories;
    SqlReviewerStore reviewers;

    @BeforeEach
    void emptyReviewTables() {
        db.jdbc().inTransaction(c -> {
            for (String table : List.of("memory_states", "reviewers")) {
                Jdbc.update(c, "DELETE FROM " + table);
            }
            return null;
        });
        memories = new SqlMemoryStore(db.jdbc());
        reviewers = new SqlReviewerStore(db.jdbc());
    }

    private static MemoryState memory(String question, double stability, int reviews, Instant due) {
        return new MemoryState(question, stability, 5.25, reviews, reviews - 1, T0, due, false);
    }

    @Test
    void aMemoryStateIsKeptPerMemberAndQuestionAndReplaced() {
        MemoryState first = new MemoryState("q-b", 2.3065, 2.118103990462, 1, 0, T0, T0.plusSeconds(2 * 86400), false);
        memories.save(WS, "U1", first);
        memories.save(WS, "U1", memory("q-a", 0.212, 1, T0.plusSeconds(86400)));
        memories.save(WS, "U2", memory("q-a", 8.2956, 1, T0));
        memories.save(OTHER, "U1", memory("q-a", 1.2931, 1, T0));

        assertThat(memories.find(WS, "U1", "q-b")).contains(first);
        assertThat(memories.of(WS, "U1")).extracting(MemoryState::questionId).containsExactly("q-a", "q-b");
        assertThat(memories.of(OTHER, "U1")).extracting(MemoryState::stability).containsExactly(1.2931);
        assertThat(memories.find(WS, "U3", "q-a")).isEmpty();

        MemoryState again = new MemoryState("q-b", 10.964332, 2.111214, 2, 0, T0.plusSeconds(86400), T0.plusSeconds(12 * 86400), true);
        memories.save(WS, "U1", again);
        assertThat(memories.find(WS, "U1", "q-b")).contains(again);
        assertThat(memories.of(WS, "U1")).hasSize(2);
    }

    @Test
    void reviewSettingsAreKeptPerMemberAndWorkspace() {
        Reviewer ada = Reviewer.of(WS, "U1").withReminder(Optional.of(LocalTime.of(8, 30)), Optional.of(ZoneId.of("Europe/Berlin")))
                .withOpenQuestion(Optional.of("q-a"));
        reviewers.save(ada);
        reviewers.save(Reviewer.of(WS, "U2").withOn(false).withReminder(Optional.of(LocalTime.of(9, 0)), Optional.empty()));
        reviewers.save(Reviewer.of(WS, "U3"));
        reviewers.save(Reviewer.of(OTHER, "U1").withReminder(Optional.of(LocalTime.of(23, 59)), Optional.empty()));

        assertThat(reviewers.find(WS, "U1")).contains(ada);
        assertThat(reviewers.find(WS, "U3")).contains(Reviewer.of(WS, "U3"));
        assertThat(reviewers.find(WS, "U4")).isEmpty();
        assertThat(reviewers.withReminders()).extracting(r -> r.workspace().key() + "/" + r.userId())
                .as("reviews on and a reminder time, by workspace and member").containsExactly("discord:G9/U1", "slack:T1/U1");

        reviewers.save(ada.withOpenQuestion(Optional.empty()).withOn(false));
        assertThat(reviewers.find(WS, "U1").orElseThrow().openQuestion()).isEmpty();
        assertThat(reviewers.withReminders()).hasSize(1);
    }

    @Test
    void aDaysReminderIsClaimedOnceAndSavingKeepsTheClaim() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        Reviewer ada = Reviewer.of(WS, "U1").withReminder(Optional.of(LocalTime.of(8, 0)), Optional.empty());
        reviewers.save(ada);
        assertThat(reviewers.claimReminder(WS, "U1", monday)).isTrue();
        assertThat(reviewers.claimReminder(WS, "U1", monday)).isFalse();
        assertThat(reviewers.claimReminder(OTHER, "U1", monday)).as("no settings there").isFalse();
        reviewers.save(ada.withOpenQuestion(Optional.of("q-a")));
        assertThat(reviewers.find(WS, "U1").orElseThrow().remindedOn()).contains(monday);
        assertThat(reviewers.claimReminder(WS, "U1", monday)).isFalse();

        reviewers.releaseReminder(WS, "U1", monday.minusDays(1));
        assertThat(reviewers.claimReminder(WS, "U1", monday)).isFalse();
        reviewers.releaseReminder(WS, "U1", monday);
        assertThat(reviewers.find(WS, "U1").orElseThrow().remindedOn()).isEmpty();
        assertThat(reviewers.claimReminder(WS, "U1", monday)).isTrue();
        assertThat(reviewers.claimReminder(WS, "U1", monday.plusDays(1))).isTrue();
        assertThat(reviewers.find(WS, "U1").orElseThrow().remindedOn()).contains(monday.plusDays(1));
    }

    // ---- decks

    @Test
    void decksAndTheirQuestionsBelongToOneWorkspace() {
        SqlDeckStore decks = new SqlDeckStore(database().jdbc());
        assertThat(decks.revision(WS)).isZero();
        assertThat(decks.createDeck(WS, "team", "U1", T0)).isTrue();
        assertThat(decks.createDeck(WS, "team", "U2", T0.plusSeconds(1))).as("made once").isFalse();
        decks.put(WS, List.of(own("q-1", "team", "body one", T0), own("q-2", "team", "body two", T0.plusSeconds(5))));
        long afterPut = decks.revision(WS);
        assertThat(afterPut).isNotZero();

        // the other workspace sees none of it and can use the same names and ids for its own
        assertThat(decks.decks(OTHER)).isEmpty();
        assertThat(decks.questions(OTHER)).isEmpty();
        assertThat(decks.question(OTHER, "q-1")).isEmpty();
        assertThat(decks.revision(OTHER)).isZero();
        assertThat(decks.remove(OTHER, "q-1", T0)).as("cannot remove another workspace's question").isFalse();
        decks.createDeck(OTHER, "team", "U9", T0);
        decks.put(OTHER, List.of(own("q-1", "team", "theirs", T0)));
        assertThat(decks.question(WS, "q-1").orElseThrow().body()).isEqualTo("body one");
        assertThat(decks.revision(WS)).isEqualTo(afterPut);

        // an edit replaces the body and keeps the first writing time, so the deck keeps its order
        decks.put(WS, List.of(own("q-1", "team", "body one, edited", T0.plusSeconds(60))));
        assertThat(decks.questions(WS)).extracting(DeckStore.StoredQuestion::id).containsExactly("q-1", "q-2");
        assertThat(decks.question(WS, "q-1").orElseThrow().body()).isEqualTo("body one, edited");
        assertThat(decks.revision(WS)).isNotEqualTo(afterPut);

        // a removed question keeps its row and id
        long beforeRemove = decks.revision(WS);
        assertThat(decks.remove(WS, "q-2", T0.plusSeconds(90))).isTrue();
        assertThat(decks.remove(WS, "q-2", T0.plusSeconds(91))).as("once").isFalse();
        assertThat(decks.question(WS, "q-2").orElseThrow().removedAt()).contains(T0.plusSeconds(90));
        assertThat(decks.revision(WS)).isNotEqualTo(beforeRemove);
        assertThat(decks.decks(WS)).extracting(DeckStore.StoredDeck::name).containsExactly("team");
    }

    private static DeckStore.StoredQuestion own(String id, String deck, String body, Instant at) {
        return new DeckStore.StoredQuestion(id, deck, body, "U1", at, Optional.empty());
    }
}
