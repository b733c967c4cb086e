package dev.studybot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.studybot.config.ConfigLoader;
import dev.studybot.config.Secrets;
import dev.studybot.config.StudyConfig;
import dev.studybot.platform.console.ConsoleAdapter;
import dev.studybot.wiring.Wiring;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the bot: the adapters whose tokens are set, or the console when none is. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the bot (the default command).")
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: config/studybot.yaml, else the built-in one).")
    Path config;

    @Option(names = "--db", paramLabel = "FILE", description = "SQLite database file (overrides database.path).")
    Path db;

    @Option(names = "--questions", paramLabel = "DIR", description = "Question folder (overrides bank.path).")
    Path questions;

    @Override
    public Integer call() throws Exception {
        ConfigLoader.Loaded loaded = new ConfigLoader().load(config, System.getenv());
        StudyConfig cfg = loaded.config();
        Secrets secrets = Secrets.from(System.getenv());
        boolean console = cfg.adapters().console().equals("on")
                || cfg.adapters().console().equals("auto") && !secrets.discord() && secrets.slackBotToken().isEmpty();
        if (console) {
            quietLogs();
        }
        Wiring.Options options = Wiring.Options.of(cfg, Clock.systemUTC());
        options = options.withPaths(db != null ? db : options.databasePath(), questions != null ? questions : options.bankPath());
        LOG.info("Config from {}; database {}; {}", loaded.source(), options.databasePath(), secrets);
        Wiring wiring = new Wiring(options);
        try {
            if (console) {
                ConsoleAdapter adapter = new ConsoleAdapter(System.out);
                adapter.bind(wiring.commandText());
                wiring.register(adapter);
                wiring.start();
                adapter.run(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                return 0;
            }
            PlatformAdapters.start(wiring, cfg, secrets);
            wiring.start();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "studybot-shutdown"));
            stop.await();
            return 0;
        } finally {
            wiring.close();
        }
    }

    /** In the terminal, the conversation is the output: only warnings and errors are logged. */
    private static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }
}
