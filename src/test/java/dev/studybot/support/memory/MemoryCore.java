package dev.studybot.support.memory;

import dev.studybot.app.Answers;
import dev.studybot.app.DailyPosts;
import dev.studybot.app.Decks;
import dev.studybot.app.ChatImport;
import dev.studybot.app.SuggestionQueue;
import dev.studybot.bank.ChatImporter;
import dev.studybot.port.out.PendingImportStore;
import dev.studybot.port.out.SuggestionStore;
import dev.studybot.app.OwnQuestions;
import dev.studybot.bank.BankCodec;
import dev.studybot.bank.BankMatching;
import dev.studybot.port.out.DeckStore;
import dev.studybot.app.Grader;
import dev.studybot.app.History;
import dev.studybot.domain.BankReload;
import dev.studybot.analysis.LuceneTextAnalysis;
import dev.studybot.app.Fsrs;
import dev.studybot.app.Leaderboards;
import dev.studybot.app.Mastery;
import dev.studybot.app.Memories;
import dev.studybot.app.Reminders;
import dev.studybot.app.Reviews;
import dev.studybot.app.Pictures;
import dev.studybot.chart.JFreeCharts;
import dev.studybot.app.Lookups;
import dev.studybot.app.Platforms;
import dev.studybot.app.Schedules;
import dev.studybot.app.Seasons;
import dev.studybot.app.Settings;
import dev.studybot.app.StudyBot;
import dev.studybot.app.Teams;
import dev.studybot.bank.BankReader;
import dev.studybot.bank.MemoryQuestionBank;
import dev.studybot.config.Checks;
import dev.studybot.config.StudyConfig;
import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Question;
import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.port.in.Response;
import dev.studybot.port.out.LeaderboardQuery;
import dev.studybot.port.out.MemberStore;
import dev.studybot.port.out.MemoryStore;
import dev.studybot.port.out.ReviewerStore;
import dev.studybot.port.out.PostStore;
import dev.studybot.port.out.QuestionBank;
import dev.studybot.port.out.ScheduleStore;
import dev.studybot.port.out.SeasonStore;
import dev.studybot.port.out.SubmissionStore;
import dev.studybot.port.out.TeamStore;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.MutableClock;
import dev.studybot.support.TestBot;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The core as {@code Wiring} builds it, same services, constructors and order, over in-memory
 * stores, a scheduler that only keeps triggers, the fake platform, the test bank and a clock the
 * test moves. No database, migrations or Quartz to start, so each test can have its own. Every
 * store reaches the core through {@link #faults()}, so a test can make one throw.
 */
public final class MemoryCore {
    public static final String PLATFORM = TestBot.PLATFORM;
    public static final String WORKSPACE = TestBot.WORKSPACE;

    private static final Map<Map<String, String>, StudyConfig> CONFIGS = new ConcurrentHashMap<>();

    private final MutableClock clock;
    private final Settings settings;
    private final QuestionBank bank = TestBank.BANK;
    private final Platforms platforms = new Platforms();
    private final FakePlatform platform = new FakePlatform(PLATFORM);
    private final Faults faults = new Faults();
    private final MemoryPostStore posts = new MemoryPostStore();
    private final MemoryDeckStore deckRows = new MemoryDeckStore();
    private final MemoryMemoryStore memoryStates = new MemoryMemoryStore();
    private final Decks decks;
    private final MemoryPostScheduler scheduler;
    private final DailyPosts dailyPosts;
    private final StudyBot bot;
    private final Reminders reminders;
    private final MarkupRenderer plain = new MarkupRenderer(Markup.PLAIN);
    /** What {@code /study bank reload} finds: by default the bank built into the jar, with nothing to reload. */
    private volatile Optional<BankReload> bankReload = Optional.empty();

    public MemoryCore(MutableClock clock) {
        this(clock, Map.of());
    }

    /** With config overrides as environment variables, as {@link TestBot#config} takes them. */
    public MemoryCore(MutableClock clock, Map<String, String> env) {
        this.clock = clock;
        this.settings = settings(CONFIGS.computeIfAbsent(Map.copyOf(env), TestBot::config));
        MemoryQuestionSearch search = new MemoryQuestionSearch();
        search.index(bank.all());
        PostStore posts = faults.wrap(PostStore.class, this.posts);
        MemorySubmissionStore submissionRows = new MemorySubmissionStore();
        SubmissionStore submissions = faults.wrap(SubmissionStore.class, submissionRows);
        MemoryMemberStore memberNames = new MemoryMemberStore();
        MemberStore members = faults.wrap(MemberStore.class, memberNames);
        MemoryTeamStore teamRows = new MemoryTeamStore();
        TeamStore teams = faults.wrap(TeamStore.class, teamRows);
        ScheduleStore schedules = faults.wrap(ScheduleStore.class, new MemoryScheduleStore());
        SeasonStore seasons = faults.wrap(SeasonStore.class, new MemorySeasonStore());

        LeaderboardQuery query = faults.wrap(LeaderboardQuery.class, new MemoryLeaderboardQuery(submissionRows, memberNames, teamRows));
        Pictures pictures = new Pictures(clock, settings, new JFreeCharts(), query, teams);
        scheduler = new MemoryPostScheduler(clock);
        BankCodec codec = new BankCodec(new LuceneTextAnalysis());
        decks = new Decks(bank, search, own -> {
            MemoryQuestionSearch index = new MemoryQuestionSearch();
            index.index(java.util.stream.Stream.concat(bank.all().stream(), own.stream()).toList());
            return index;
        }, faults.wrap(DeckStore.class, deckRows), codec);
        dailyPosts = new DailyPosts(clock, settings, decks, posts, submissions, members, schedules, scheduler, platforms,
                Optional.of(pictures));
        // seeded where production draws from SecureRandom, so a failing run can be repeated
        Lookups lookups = new Lookups(decks, posts, new Random(1));
        Grader grader = new Grader(new LuceneTextAnalysis());
        ReviewerStore reviewers = faults.wrap(ReviewerStore.class, new MemoryReviewerStore());
        Memories memories = new Memories(clock, decks, faults.wrap(MemoryStore.class, memoryStates), new Fsrs());
        Mastery mastery = new Mastery(clock, decks, memories, posts, submissions);
        bot = new StudyBot(settings, members, lookups,
                new Answers(clock, settings, decks, posts, submissions, grader, memories),
                new Leaderboards(clock, settings, query, seasons, members, teams, posts, submissions, mastery, pictures),
                new Teams(teams), new Schedules(clock, settings, schedules, scheduler, lookups, decks),
                new Seasons(clock, settings, seasons, query, pictures), dailyPosts,
                new Reviews(clock, settings, decks, reviewers, memories, grader, lookups), mastery,
                new History(clock, settings, decks, posts), () -> bankReload,
                new ChatImport(clock, decks, new ChatImporter(new LuceneTextAnalysis(), codec),
                        faults.wrap(PendingImportStore.class, new MemoryPendingImportStore())),
                new SuggestionQueue(clock, settings, decks, faults.wrap(SuggestionStore.class, new MemorySuggestionStore()),
                        new ChatImporter(new LuceneTextAnalysis(), codec), codec, platforms),
                new OwnQuestions(decks, codec, new BankMatching(new LuceneTextAnalysis()), clock));
        reminders = new Reminders(clock, settings, reviewers, memories, platforms);
        platforms.register(platform);
    }

    /** What the next {@code /study bank reload} reports, as a folder's reader would. */
    public void bankReloadsAs(BankReload reload) {
        bankReload = Optional.of(reload);
    }

    /** The core's settings from config, as {@code Wiring} derives them. */
    private static Settings settings(StudyConfig config) {
        Duration grace = Checks.parse("schedule.grace", config.schedule().grace());
        Optional<Duration> closeAfter = Optional.ofNullable(config.schedule().closeAfter()).filter(s -> !s.isBlank())
                .map(s -> Checks.parse("schedule.close-after", s));
        return new Settings(ZoneId.of(config.timezone()), grace, closeAfter, new HashSet<>(config.admin().roles()),
                config.answers().maxLength(), config.leaderboard().size());
    }

    public static ChannelRef channel(String name) {
        return TestBot.channel(name);
    }

    /** A channel of another workspace on the same platform. */
    public static ChannelRef channel(String workspace, String name) {
        return new ChannelRef(PLATFORM, workspace, name);
    }

    public Response say(String user, String channel, String text) {
        return say(channel(channel), Actor.member(user, user), text);
    }

    public Response sayAsAdmin(String user, String channel, String text) {
        return say(channel(channel), new Actor(user, user, true, Set.of()), text);
    }

    public Response say(ChannelRef channel, Actor actor, String text) {
        return bot.handleText(channel, actor, text);
    }

    /** The reply as the console would show it. */
    public String text(Response response) {
        return plain.render(response.reply());
    }

    public StudyBot bot() {
        return bot;
    }

    /** The review reminders, as the reminder job runs them. */
    public Reminders reminders() {
        return reminders;
    }

    public DailyPosts dailyPosts() {
        return dailyPosts;
    }

    public FakePlatform platform() {
        return platform;
    }

    public MutableClock clock() {
        return clock;
    }

    /** The members' memory states, as answers and reviews leave them. */
    public MemoryStore memoryStates() {
        return memoryStates;
    }

    /** The workspaces' decks: the shared bank and each workspace's own. */
    public Decks decks() {
        return decks;
    }

    public QuestionBank bank() {
        return bank;
    }

    public Settings settings() {
        return settings;
    }

    public Faults faults() {
        return faults;
    }

    /** The posts as stored, read past the fault switch. */
    public PostStore posts() {
        return posts;
    }

    public MemoryPostScheduler scheduler() {
        return scheduler;
    }

    /** The test bank, read once for every core built here: its questions are immutable. */
    private static final class TestBank {
        static final QuestionBank BANK = load();

        private static QuestionBank load() {
            List<Question> questions = new BankReader().readFolder(TestBot.TEST_BANK).models();
            if (questions.isEmpty()) {
                throw new IllegalStateException("no questions in " + TestBot.TEST_BANK.toAbsolutePath());
            }
            return new MemoryQuestionBank(questions);
        }
    }
}
