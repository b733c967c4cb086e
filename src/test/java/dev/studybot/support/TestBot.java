package dev.studybot.support;

import dev.studybot.config.ConfigLoader;
import dev.studybot.config.StudyConfig;
import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.port.in.Response;
import dev.studybot.schedule.SchedulerSettings;
import dev.studybot.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The production wiring over a real SQLite file and real question files, with a fake platform
 * and a clock the test controls. {@link #restart()} builds a new instance over the same file.
 */
public final class TestBot implements AutoCloseable {
    public static final Path TEST_BANK = Path.of("src/test/resources/bank");
    public static final String PLATFORM = "fake";
    public static final String WORKSPACE = "w1";

    private final Path database;
    private final Path bank;
    private final Clock clock;
    private final UnaryOperator<Wiring.Options> tweak;
    private final MarkupRenderer plain = new MarkupRenderer(Markup.PLAIN);
    private FakePlatform platform;
    private Wiring wiring;

    public TestBot(Path folder, Clock clock) {
        this(folder.resolve("studybot.db"), TEST_BANK, clock, UnaryOperator.identity());
    }

    public TestBot(Path database, Path bank, Clock clock, UnaryOperator<Wiring.Options> tweak) {
        this.database = database;
        this.bank = bank;
        this.clock = clock;
        this.tweak = tweak;
        boot();
    }

    public static StudyConfig config(Map<String, String> env) {
        return new ConfigLoader().load(Path.of("config/studybot.yaml"), env).config();
    }

    private void boot() {
        Wiring.Options options = Wiring.Options.of(config(Map.of()), clock).withPaths(database, bank);
        SchedulerSettings s = options.scheduler();
        options = options.withScheduler(new SchedulerSettings(s.instanceName(), false, s.retryDelay(), s.misfireThreshold(), s.grace(), s.delegateClass()));
        wiring = new Wiring(tweak.apply(options));
        platform = new FakePlatform(PLATFORM);
        wiring.register(platform);
    }

    /** Lets Quartz fire. */
    public TestBot start() {
        wiring.start();
        return this;
    }

    /** Closes this instance and boots a new one over the same database file. */
    public TestBot restart() {
        wiring.close();
        boot();
        return this;
    }

    public static ChannelRef channel(String name) {
        return new ChannelRef(PLATFORM, WORKSPACE, name);
    }

    public Response say(String user, String channel, String text) {
        return wiring.bot().handleText(channel(channel), Actor.member(user, user), text);
    }

    public Response sayAsAdmin(String user, String channel, String text) {
        return wiring.bot().handleText(channel(channel), new Actor(user, user, true, Set.of()), text);
    }

    /** The reply as the console would show it. */
    public String text(Response response) {
        return plain.render(response.reply());
    }

    public FakePlatform platform() {
        return platform;
    }

    public Wiring wiring() {
        return wiring;
    }

    @Override
    public void close() {
        wiring.close();
    }
}
