package dev.studybot.cli;

import dev.studybot.config.ConfigLoader;
import dev.studybot.config.StudyConfig;
import dev.studybot.store.SqliteBackup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A consistent copy of the SQLite database, safe while the bot runs. */
@Command(name = "backup", mixinStandardHelpOptions = true, description = {
        "Copy the SQLite database to FILE, consistently, while the bot may be running (a plain copy of the file loses what is still in its write-ahead log).",
        "FILE must not exist. To restore: stop the bot, put FILE in place of the database file (remove its -wal and -shm files), start it."})
public final class BackupCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Where the copy goes (must not exist).")
    Path target;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: config/studybot.yaml, else the built-in one).")
    Path config;

    @Option(names = "--db", paramLabel = "FILE", description = "The SQLite database to copy (default: the configured one).")
    Path db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path source = db;
        if (source == null) {
            StudyConfig.DatabaseConfig database = new ConfigLoader().load(config, System.getenv()).config().database();
            if (database.postgres()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("studybot: database.url is PostgreSQL; back it up with pg_dump (docs/operations.md), or name a SQLite file with --db");
                err.flush();
                return 2;
            }
            source = Path.of(database.sqliteFile());
        }
        long bytes = SqliteBackup.copy(source, target);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Backed up " + source + " to " + target + " (" + String.format(Locale.ROOT, "%,d", bytes) + " bytes)");
        out.flush();
        return 0;
    }
}
