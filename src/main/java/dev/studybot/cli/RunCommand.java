package dev.studybot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.studybot.config.ConfigLoader;
import dev.studybot.config.StudyConfig;
import dev.studybot.port.platform.PlatformModule;
import dev.studybot.port.platform.Running;
import dev.studybot.port.platform.Secrets;
import dev.studybot.wiring.PlatformChoice;
import dev.studybot.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the bot: the platforms whose tokens are set, or the console when none is. */
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
        List<PlatformModule<?>> modules = PlatformModule.installed();
        ConfigLoader.Loaded loaded = new ConfigLoader().load(config, System.getenv(), modules);
        StudyConfig cfg = loaded.config();
        Secrets secrets = PlatformChoice.secrets(modules, System.getenv());
        List<PlatformModule<?>> chosen = PlatformChoice.choose(modules, cfg.adapters(), secrets);
        if (chosen.stream().anyMatch(PlatformModule::local)) {
            quietLogs();
        }
        Wiring.Options options = Wiring.Options.of(cfg, Clock.systemUTC());
        options = options.withPaths(db != null ? db : options.databasePath(), questions != null ? questions : options.bankPath())
                .withJudgeKey(java.util.Optional.ofNullable(System.getenv("LLM_API_KEY")).filter(k -> !k.isBlank()));
        LOG.info("Config from {}; database {}; platforms {}; {}", loaded.source(), options.databasePath(),
                chosen.stream().map(PlatformModule::name).toList(), secrets);
        try (Wiring wiring = new Wiring(options)) {
            List<CompletableFuture<Void>> ends = new ArrayList<>();
            for (PlatformModule<?> module : chosen) {
                ends.add(start(wiring, module, loaded, secrets).finished());
            }
            wiring.start();
            CompletableFuture<Void> stop = new CompletableFuture<>();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.complete(null), "studybot-shutdown"));
            ends.add(stop);
            CompletableFuture.anyOf(ends.toArray(CompletableFuture[]::new)).join();
            return 0;
        }
    }

    private static <C extends Record> Running start(Wiring wiring, PlatformModule<C> module, ConfigLoader.Loaded loaded, Secrets secrets) {
        try {
            return wiring.startPlatform(module, loaded.section(module), secrets, UnaryOperator.identity());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + module.name(), e);
        } catch (Exception e) {
            throw new IllegalStateException("the " + module.name() + " platform did not start: " + e.getMessage(), e);
        }
    }

    /** In the terminal, the conversation is the output: only warnings and errors are logged. */
    private static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            context.getLogger("dev.studybot").setLevel(Level.WARN);
        }
    }
}
