package dev.studybot.wiring;

import dev.studybot.chart.JFreeCharts;
import dev.studybot.bank.BankReader;
import dev.studybot.bank.LoadedBank;
import dev.studybot.bank.BankFiles;
import dev.studybot.bank.BankWatcher;
import dev.studybot.bank.LiveQuestionBank;
import dev.studybot.domain.BankReload;
import dev.studybot.port.out.BankReloader;
import dev.studybot.config.Checks;
import dev.studybot.config.StudyConfig;
import dev.studybot.app.Answers;
import dev.studybot.app.DailyPosts;
import dev.studybot.app.Grader;
import dev.studybot.app.History;
import dev.studybot.app.Fsrs;
import dev.studybot.app.Leaderboards;
import dev.studybot.app.Pictures;
import dev.studybot.app.Lookups;
import dev.studybot.app.Mastery;
import dev.studybot.app.Memories;
import dev.studybot.app.Platforms;
import dev.studybot.app.Reminders;
import dev.studybot.app.Reviews;
import dev.studybot.app.Schedules;
import dev.studybot.app.Seasons;
import dev.studybot.app.Settings;
import dev.studybot.app.StudyBot;
import dev.studybot.app.Teams;
import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.analysis.LuceneTextAnalysis;
import dev.studybot.app.Decks;
import dev.studybot.app.OwnQuestions;
import dev.studybot.bank.BankCodec;
import dev.studybot.bank.BankMatching;
import dev.studybot.store.SqlDeckStore;
import dev.studybot.app.ChatImport;
import dev.studybot.app.SuggestionQueue;
import dev.studybot.bank.ChatImporter;
import dev.studybot.store.SqlPendingImportStore;
import dev.studybot.store.SqlSuggestionStore;
import dev.studybot.analysis.StudyAnalyzer;
import dev.studybot.grading.MiniLmSentenceSimilarity;
import dev.studybot.grading.OpenAiAnswerJudge;
import dev.studybot.ops.MicrometerTelemetry;
import dev.studybot.ops.OpsServer;
import dev.studybot.port.out.AnswerJudge;
import dev.studybot.port.out.Telemetry;
import dev.studybot.port.out.QuestionBank;
import dev.studybot.port.out.SentenceSimilarity;
import dev.studybot.port.platform.PlatformContext;
import dev.studybot.port.platform.PlatformModule;
import dev.studybot.port.platform.Running;
import dev.studybot.port.platform.Secrets;
import dev.studybot.port.platform.Workspaces;
import dev.studybot.store.SqlInstallationStore;
import dev.studybot.store.SqlOAuthStateStore;
import dev.studybot.schedule.QuartzPostScheduler;
import dev.studybot.schedule.ReviewReminderJob;
import dev.studybot.schedule.SchedulerSettings;
import dev.studybot.store.Database;
import dev.studybot.store.Jdbc;
import dev.studybot.store.SqlLeaderboardQuery;
import dev.studybot.store.SqlMemberStore;
import dev.studybot.store.SqlMemoryStore;
import dev.studybot.store.SqlReviewerStore;
import dev.studybot.store.SqlPostStore;
import dev.studybot.store.SqlDeliveryQueue;
import dev.studybot.store.SqlNodeRegistry;
import dev.studybot.app.PostSender;
import dev.studybot.port.out.Telemetry;
import dev.studybot.port.platform.Cluster;
import dev.studybot.store.SqlScheduleStore;
import dev.studybot.store.SqlSeasonStore;
import dev.studybot.store.SqlSubmissionStore;
import dev.studybot.store.SqlTeamStore;
import dev.studybot.search.LiveQuestionSearch;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that builds studybot: database, bank, stores, core services, scheduler. Adapters
 * are registered on it, then {@link #start()} lets the schedules fire. Tests build it the same way
 * with a fixed clock and their own paths.
 */
public final class Wiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);
    /** How long the question folder must be quiet after a change before it is read again. */
    static final Duration BANK_QUIET = Duration.ofMillis(300);

    private final Database database;
    private final LoadedBank loadedBank;
    private final QuestionBank bank;
    private final BankReloader reloader;
    private final Platforms platforms = new Platforms();
    private final StudyBot bot;
    private final Clock clock;
    private final DailyPosts dailyPosts;
    private final Decks decks;
    private final Reminders reminders;
    private final QuartzPostScheduler scheduler;
    private final PostSender sender;
    private final Cluster cluster;
    private final Workspaces workspaces;
    private final Settings settings;
    private final StudyConfig config;
    private final Path chartFolder;
    private final java.util.Deque<AutoCloseable> closeables = new java.util.ArrayDeque<>();
    private final Telemetry telemetry;
    private final java.util.List<Running> running = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean started;
    private OpsServer ops;

    /**
     * What a deployment or a test chooses: the config, the clock, how Quartz runs, and the grading
     * judge's key (from the environment, never logged).
     */
    public record Options(StudyConfig config, Clock clock, Path databasePath, Path bankPath, SchedulerSettings scheduler,
                          Optional<String> judgeKey, DatabaseLogin databaseLogin, boolean watchBank) {
        public Options(StudyConfig config, Clock clock, Path databasePath, Path bankPath, SchedulerSettings scheduler,
                       Optional<String> judgeKey, DatabaseLogin databaseLogin) {
            this(config, clock, databasePath, bankPath, scheduler, judgeKey, databaseLogin, true);
        }

        public Options(StudyConfig config, Clock clock, Path databasePath, Path bankPath, SchedulerSettings scheduler) {
            this(config, clock, databasePath, bankPath, scheduler, Optional.empty(), DatabaseLogin.NONE);
        }

        public Options(StudyConfig config, Clock clock, Path databasePath, Path bankPath, SchedulerSettings scheduler,
                       Optional<String> judgeKey) {
            this(config, clock, databasePath, bankPath, scheduler, judgeKey, DatabaseLogin.NONE);
        }

        @Override
        public String toString() {
            return "Options[database=" + where() + ", bank=" + bankPath
                    + ", judgeKey=" + (judgeKey.isPresent() ? "set" : "unset") + ", " + databaseLogin + "]";
        }

        /** The database as a log may name it: the SQLite file, or the PostgreSQL URL without its parameters (which may hold a password). */
        public String where() {
            return config.database().postgres() ? StudyConfig.DatabaseConfig.shown(config.database().url()) : String.valueOf(databasePath);
        }

        public Options withDatabaseLogin(DatabaseLogin login) {
            return new Options(config, clock, databasePath, bankPath, scheduler, judgeKey, login, watchBank);
        }

        public static Options of(StudyConfig config, Clock clock) {
            Duration grace = Checks.parse("schedule.grace", config.schedule().grace());
            SchedulerSettings s = config.database().postgres() ? SchedulerSettings.postgres(grace) : SchedulerSettings.sqlite(grace);
            s = new SchedulerSettings(s.instanceName(), s.clustered(), Checks.parse("schedule.retry-delay", config.schedule().retryDelay()),
                    s.misfireThreshold(), grace, s.delegateClass());
            return new Options(config, clock, Path.of(config.database().sqliteFile()),
                    config.bank().path().isEmpty() ? null : Path.of(config.bank().path()), s);
        }

        public Options withPaths(Path databasePath, Path bankPath) {
            return new Options(config, clock, databasePath, bankPath, scheduler, judgeKey, databaseLogin, watchBank);
        }

        public Options withScheduler(SchedulerSettings scheduler) {
            return new Options(config, clock, databasePath, bankPath, scheduler, judgeKey, databaseLogin, watchBank);
        }

        /** Without the watcher on the question folder: reloads happen only when asked ({@code /study bank reload}). */
        public Options withoutBankWatch() {
            return new Options(config, clock, databasePath, bankPath, scheduler, judgeKey, databaseLogin, false);
        }

        public Options withJudgeKey(Optional<String> key) {
            return new Options(config, clock, databasePath, bankPath, scheduler, key, databaseLogin, watchBank);
        }
    }

    /** PostgreSQL's user and password, from the environment; {@link #toString()} never shows the password. */
    public record DatabaseLogin(String user, String password) {
        public static final DatabaseLogin NONE = new DatabaseLogin("", "");

        public static DatabaseLogin from(java.util.Map<String, String> env) {
            return new DatabaseLogin(env.getOrDefault("STUDYBOT_DATABASE_USER", ""), env.getOrDefault("STUDYBOT_DATABASE_PASSWORD", ""));
        }

        @Override
        public String toString() {
            return "DatabaseLogin[user=" + (user.isEmpty() ? "unset" : user) + ", password=" + (password.isEmpty() ? "unset" : "set") + "]";
        }
    }

    public Wiring(Options options) {
        // charts the console writes go beside the SQLite file (or in data/ beside a PostgreSQL node)
        Path dbFolder = options.config().database().postgres() || options.databasePath() == null
                ? Path.of("data") : options.databasePath().toAbsolutePath().getParent();
        chartFolder = (dbFolder == null ? Path.of("data") : dbFolder).resolve("charts");
        config = options.config();
        clock = options.clock();
        settings = new Settings(ZoneId.of(config.timezone()), options.scheduler().grace(),
                Optional.ofNullable(config.schedule().closeAfter()).filter(s -> !s.isBlank()).map(s -> Checks.parse("schedule.close-after", s)),
                new HashSet<>(config.admin().roles()), config.answers().maxLength(), config.leaderboard().size());

        // the question files load while the database opens; no folder configured means the bank built into the jar
        Path bankPath = options.bankPath();
        BankFiles files = bankPath == null ? null : new BankFiles(new BankReader(), bankPath);
        CompletableFuture<BankFiles.Reading> reading = CompletableFuture.supplyAsync(() -> files == null
                ? BankFiles.Reading.of(new BankReader().readBuiltIn()) : files.read());
        database = config.database().postgres()
                ? Database.postgres(config.database().url(), options.databaseLogin().user(), options.databaseLogin().password())
                : Database.sqlite(options.databasePath(), (int) Checks.parse("database.busy-timeout", config.database().busyTimeout()).toMillis());
        clockWarning(database.clockSkew(clock)).ifPresent(LOG::warn);
        BankFiles.Reading firstReading = reading.join();
        loadedBank = firstReading.bank();
        loadedBank.problems().forEach(p -> LOG.warn("Question bank: {}", p));
        if (loadedBank.questions().isEmpty()) {
            database.close();
            throw new IllegalStateException(bankPath == null ? "the bank built into this jar holds no questions"
                    : "bank.path: " + bankPath.toAbsolutePath() + (java.nio.file.Files.isDirectory(bankPath)
                    ? " holds no questions" : " is not a folder") + " (empty bank.path uses the bank built into the jar)");
        }
        if (files != null) {
            files.take(firstReading);
        }
        LiveQuestionBank live = new LiveQuestionBank(loadedBank.models());
        bank = live;
        LOG.info("Loaded {} questions in {} topics from {}", bank.all().size(), bank.topics().size(),
                bankPath == null ? "the built-in bank" : bankPath);
        Jdbc jdbc = database.jdbc();
        // operations: Micrometer's metrics and the health endpoint on ops.port; nothing counted when it is 0
        MicrometerTelemetry metrics = config.ops().enabled() ? new MicrometerTelemetry() : null;
        telemetry = metrics == null ? Telemetry.NONE : metrics;
        if (metrics != null) {
            try {
                ops = new OpsServer(config.ops().port(), this::readiness, metrics::scrape).start();
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            onClose(ops);
        }
        StudyAnalyzer analyzer = new StudyAnalyzer();
        LiveQuestionSearch search = new LiveQuestionSearch(analyzer, loadedBank.synonyms());
        search.index(bank.all());
        reloader = files == null ? BankReloader.NONE : new LiveBank(files, live, search);
        if (files != null && options.watchBank()) {
            watch(bankPath);
        }
        SqlPostStore posts = new SqlPostStore(jdbc);
        SqlSubmissionStore submissions = new SqlSubmissionStore(jdbc);
        SqlMemberStore members = new SqlMemberStore(jdbc);
        SqlTeamStore teams = new SqlTeamStore(jdbc);
        SqlScheduleStore schedules = new SqlScheduleStore(jdbc);
        SqlSeasonStore seasons = new SqlSeasonStore(jdbc);

        SqlLeaderboardQuery boards = new SqlLeaderboardQuery(jdbc);
        Pictures pictures = new Pictures(clock, settings, new JFreeCharts(), boards, teams);

        scheduler = new QuartzPostScheduler(database.dataSource(), options.scheduler(), clock);
        // every workspace studies the shared bank and its own decks, kept in the database as bank YAML
        LuceneTextAnalysis text = new LuceneTextAnalysis(analyzer);
        BankCodec codec = new BankCodec(text);
        decks = new Decks(bank, search, search, new SqlDeckStore(jdbc), codec);
        ChatImporter importer = new ChatImporter(text, codec);
        dailyPosts = new DailyPosts(clock, settings, decks, posts, submissions, members, schedules, scheduler, platforms,
                Optional.of(pictures));
        String node = nodeId();
        SqlNodeRegistry nodes = new SqlNodeRegistry(jdbc);
        sender = new PostSender(clock, new SqlDeliveryQueue(jdbc), nodes, dailyPosts, platforms, telemetry,
                PostSender.Options.of(node, options.scheduler().retryDelay(), options.scheduler().grace()));
        cluster = clusterOf(node, options.scheduler().clustered(), nodes);
        Lookups lookups = new Lookups(decks, posts, new SecureRandom());
        Grader grader = grader(analyzer, config.grading(), options.judgeKey());
        SqlReviewerStore reviewers = new SqlReviewerStore(jdbc);
        Memories memories = new Memories(clock, decks, new SqlMemoryStore(jdbc), new Fsrs());
        Mastery mastery = new Mastery(clock, decks, memories, posts, submissions);
        Schedules channelSchedules = new Schedules(clock, settings, schedules, scheduler, lookups, decks);
        // a workspace that removes the app: its installations and states here, its schedules paused by the core
        workspaces = new Workspaces(new SqlInstallationStore(jdbc), new SqlOAuthStateStore(jdbc), channelSchedules::pauseAll);
        bot = new StudyBot(settings, members, lookups,
                new Answers(clock, settings, decks, posts, submissions, grader, memories, telemetry),
                new Leaderboards(clock, settings, boards, seasons, members, teams, posts, submissions, mastery, pictures),
                new Teams(teams), channelSchedules,
                new Seasons(clock, settings, seasons, boards, pictures), dailyPosts, new Reviews(clock, settings, decks, reviewers, memories, grader, lookups), mastery,
                new History(clock, settings, decks, posts), reloader,
                // questions the team brings in from chat: lists an admin imports, and members' suggestions
                new ChatImport(clock, decks, importer, new SqlPendingImportStore(jdbc)),
                new SuggestionQueue(clock, settings, decks, new SqlSuggestionStore(jdbc), importer, codec, platforms),
                new OwnQuestions(decks, codec, new BankMatching(text), clock));
        reminders = new Reminders(clock, settings, reviewers, memories, platforms);
        scheduler.every(ReviewReminderJob.NAME, ReviewReminderJob.CRON, new ReviewReminderJob(reminders));
    }

    /** Changes in the question folder reload the bank once they have been quiet for {@link #BANK_QUIET}. */
    private void watch(Path folder) {
        try {
            onClose(BankWatcher.start(folder, BANK_QUIET, reloader::reload));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Question bank: cannot watch {} ({}); /study bank reload still reads it", folder, e.getMessage());
        }
    }

    /** This node's name among those sharing the database: host, process, and a few random letters for restarts. */
    private static String nodeId() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElseGet(() -> {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "node";
            }
        });
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Several nodes share the platforms' limits by the heartbeats in the database; leases there are held for a while. */
    private Cluster clusterOf(String node, boolean clustered, SqlNodeRegistry nodes) {
        if (!clustered) {
            return Cluster.single(node);
        }
        // heartbeats every 2 s: a node not seen for 8 s is taken for gone, and the others share its part of the limits
        Duration alive = Duration.ofSeconds(8);
        // the paces ask on every request; the database is asked at most every 2 s
        LiveNodes live = new LiveNodes(() -> nodes.liveNodes(clock.instant(), alive), Duration.ofSeconds(2));
        return new Cluster(node, true, live, new Cluster.Leases() {
            @Override
            public boolean hold(String name, Duration ttl) {
                return nodes.hold(name, node, clock.instant(), ttl);
            }

            @Override
            public void release(String name) {
                nodes.release(name, node);
            }
        });
    }

    /** Ready: the schedules started, the database answers, and every platform started is connected. */
    private java.util.List<OpsServer.Check> readiness() {
        java.util.List<OpsServer.Check> checks = new java.util.ArrayList<>();
        checks.add(new OpsServer.Check("started", () -> started));
        checks.add(new OpsServer.Check("database", database::reachable));
        running.forEach(r -> checks.add(new OpsServer.Check(r.platform().name(), r::connected)));
        return checks;
    }

    /** Quartz's cluster tells nodes apart by their clocks: more than a second off the database's is worth a warning. */
    static Optional<String> clockWarning(Duration skew) {
        if (skew.abs().compareTo(Duration.ofSeconds(1)) <= 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT, "This node's clock is %.1f s %s the database's: clustered schedules need clocks in step "
                + "(run NTP on every node)", skew.abs().toMillis() / 1000.0, skew.isNegative() ? "ahead of" : "behind"));
    }

    /** The grader: the same analysis as search, the sentence model when {@code grading.semantic}, the judge when {@code grading.llm} names one. */
    private static Grader grader(StudyAnalyzer analyzer, StudyConfig.GradingConfig grading, Optional<String> judgeKey) {
        SentenceSimilarity similarity = grading.semantic() ? new MiniLmSentenceSimilarity() : SentenceSimilarity.NONE;
        AnswerJudge judge = grading.llm().baseUrl().isEmpty() ? AnswerJudge.NONE
                : new OpenAiAnswerJudge(grading.llm().baseUrl(), grading.llm().model(), judgeKey,
                Checks.parse("grading.llm.timeout", grading.llm().timeout()));
        return new Grader(new LuceneTextAnalysis(analyzer), similarity, judge, Grader.Tuning.DEFAULT);
    }

    public void register(ChatPlatform platform) {
        platforms.register(platform);
    }

    /**
     * Starts one platform module with its config section and secrets, registers where it posts,
     * and closes it on shutdown; {@code around} may wrap the core's command handler (tests slow it
     * down), production passes it through.
     */
    public <C extends Record> Running startPlatform(PlatformModule<C> module, C config, Secrets secrets,
                                                    UnaryOperator<CommandHandler> around) throws Exception {
        PlatformContext context = new PlatformContext(around.apply(bot), decks, settings.maxAnswerLength(), clock,
                secrets.only(module.secretNames()), cluster, chartFolder, telemetry, workspaces);
        Running started = module.start(config, context);
        register(started.platform());
        running.add(started);
        onClose(started);
        return started;
    }

    /** Something to close on shutdown: after the scheduler has stopped, before the database (last added, first closed). */
    public void onClose(AutoCloseable closeable) {
        closeables.push(closeable);
    }

    /** Lets schedules fire: call after the adapters are connected, so a missed post finds its platform. */
    public void start() {
        sender.start();
        scheduler.start(sender, dailyPosts, settings.closeAfter().isPresent());
        started = true;
    }

    /** This node's id among those sharing the database. */
    public String node() {
        return cluster.node();
    }

    /** Sends the posts that are due on this node. */
    public PostSender sender() {
        return sender;
    }

    /** Where the core and the adapters report what they count and time ({@link Telemetry#NONE} when {@code ops.port} is 0). */
    public Telemetry telemetry() {
        return telemetry;
    }

    /** The port of the operations endpoint, when {@code ops.port} turned it on. */
    public Optional<Integer> opsPort() {
        return Optional.ofNullable(ops).map(OpsServer::port);
    }

    public StudyBot bot() {
        return bot;
    }

    /** Each workspace's questions: the shared bank and its own decks. */
    public Decks decks() {
        return decks;
    }

    public DailyPosts dailyPosts() {
        return dailyPosts;
    }

    /** The daily review reminders, as the reminder job runs them. */
    public Reminders reminders() {
        return reminders;
    }

    public QuestionBank bank() {
        return bank;
    }

    /** Reads the question folder again, as {@code /study bank reload} does; empty for the bank built into the jar. */
    public Optional<BankReload> reloadBank() {
        return reloader.reload();
    }

    /** The bank as it was read at start; {@link #bank()} serves what the last reload read. */
    public LoadedBank loadedBank() {
        return loadedBank;
    }

    public Settings settings() {
        return settings;
    }

    public QuartzPostScheduler scheduler() {
        return scheduler;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        started = false;
        scheduler.shutdown(true);
        sender.stop(Duration.ofSeconds(10));
        while (!closeables.isEmpty()) {
            try {
                closeables.pop().close();
            } catch (Exception e) {
                LOG.warn("Shutdown: {}", e.getMessage());
            }
        }
        database.close();
    }
}
