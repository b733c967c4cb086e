package dev.studybot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import dev.studybot.config.ConfigLoader;
import dev.studybot.config.StudyConfig;
import dev.studybot.port.platform.PlatformModule;
import dev.studybot.port.platform.Running;
import dev.studybot.port.platform.Secrets;
import dev.studybot.wiring.PlatformChoice;
import dev.studybot.wiring.Wiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
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
        Wiring.Options options = Wiring.Options.of(cfg, Clock.systemUTC());
        options = options.withPaths(db != null ? db : options.databasePath(), questions != null ? questions : options.bankPath())
                .withJudgeKey(java.util.Optional.ofNullable(System.getenv("LLM_API_KEY")).filter(k -> !k.isBlank()))
                .withDatabaseLogin(Wiring.DatabaseLogin.from(System.getenv()));
        if (chosen.stream().anyMatch(PlatformModule::local)) {
            quietLogs(logFile(options.databasePath()), System.getenv("STUDYBOT_LOG_LEVEL"));
        }
        LOG.info("Config from {}; database {}; platforms {}; {}", loaded.source(), options.where(),
                chosen.stream().map(PlatformModule::name).toList(), secrets);
        try (Wiring wiring = new Wiring(options)) {
            List<CompletableFuture<Void>> ends = new ArrayList<>();
            for (PlatformModule<?> module : chosen) {
                ends.add(start(wiring, module, loaded, secrets).finished());
            }
            wiring.start();
            LOG.info("studybot is ready on node {}", wiring.node());
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

    /** The console's log file: beside the database ({@code data/studybot.log} by default). */
    static Path logFile(Path database) {
        Path dir = database == null ? null : database.toAbsolutePath().getParent();
        return (dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"))).resolve("studybot.log");
    }

    /**
     * In the terminal, the conversation is the output and no log line may land in it: the logs go
     * to {@code file} (at {@code STUDYBOT_LOG_LEVEL}, INFO by default, as on a server), rolled at
     * 10 MB with three kept. Where that file cannot be written they stay on standard error, at WARN
     * unless {@code STUDYBOT_LOG_LEVEL} asks for more. java.util.logging is routed the same way.
     * Returns where the logs now go.
     */
    static String quietLogs(Path file, String requestedLevel) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return "unchanged";
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Logger own = context.getLogger("dev.studybot");
        // what libraries log through java.util.logging (Lucene's vector notice) goes the same way
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        RollingFileAppender<ILoggingEvent> appender = fileAppender(context, file);
        if (appender != null) {
            root.detachAndStopAllAppenders();
            root.addAppender(appender);
            return file.toString();
        }
        Level requested = requestedLevel == null || requestedLevel.isBlank() ? null : Level.toLevel(requestedLevel.strip(), null);
        root.setLevel(Level.WARN);
        own.setLevel(requested != null && requested.toInt() < Level.WARN_INT ? requested : Level.WARN);
        return "stderr";
    }

    private static RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException | RuntimeException e) {
            return null;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        rolling.start();
        trigger.start();
        appender.start();
        if (!appender.isStarted() || !Files.isWritable(file)) {
            appender.stop();
            return null;
        }
        return appender;
    }
}
