package dev.studybot.cli;

import dev.studybot.config.ConfigLoader;
import dev.studybot.config.StudyConfig;
import dev.studybot.store.SqliteToPostgres;
import dev.studybot.wiring.Wiring;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Moves a SQLite database to PostgreSQL, for several nodes on one database. */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = {
        "Copy the SQLite database (members, teams, answers, totals, posts, seasons, review memory and reminders, schedules and their Quartz triggers) "
                + "into an empty PostgreSQL database, and check every table's count.",
        "Stop the bot first. The PostgreSQL user and password come from STUDYBOT_DATABASE_USER and STUDYBOT_DATABASE_PASSWORD. "
                + "The copy is one transaction: after a failure the target is empty again and the command can be run again; "
                + "a target that already holds rows is refused."})
public final class MigrateCommand implements Callable<Integer> {
    @Option(names = "--to", required = true, paramLabel = "URL", description = "The PostgreSQL database: jdbc:postgresql://HOST:PORT/DB.")
    String to;

    @Option(names = "--from", paramLabel = "FILE", description = "The SQLite database to copy (default: the configured one).")
    Path from;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: config/studybot.yaml, else the built-in one).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!StudyConfig.DatabaseConfig.isPostgres(to)) {
            err.println("studybot: --to: '" + shown(to) + "' is not a PostgreSQL URL (jdbc:postgresql://HOST:PORT/DB)");
            err.flush();
            return 2;
        }
        Map<String, String> env = System.getenv();
        Path source = from;
        if (source == null) {
            StudyConfig.DatabaseConfig database = new ConfigLoader().load(config, env).config().database();
            if (database.postgres()) {
                err.println("studybot: database.url is already PostgreSQL; name the SQLite file to copy with --from FILE");
                err.flush();
                return 2;
            }
            source = Path.of(database.sqliteFile());
        }
        Wiring.DatabaseLogin login = Wiring.DatabaseLogin.from(env);
        List<SqliteToPostgres.Count> counts = SqliteToPostgres.copy(source, to, login.user().isEmpty() ? null : login.user(),
                login.password().isEmpty() ? null : login.password());
        PrintWriter out = spec.commandLine().getOut();
        int width = counts.stream().mapToInt(c -> c.table().length()).max().orElse(0);
        for (SqliteToPostgres.Count c : counts) {
            out.println(String.format(java.util.Locale.ROOT, "%-" + width + "s %,10d", c.table(), c.target()));
        }
        long rows = counts.stream().mapToLong(SqliteToPostgres.Count::target).sum();
        out.println("Copied " + source + " to " + shown(to) + ": " + String.format(java.util.Locale.ROOT, "%,d", rows)
                + " rows in " + counts.size() + " tables, every count checked. Set database.url to it (STUDYBOT_DATABASE_URL) to run on it.");
        out.flush();
        return 0;
    }

    private static String shown(String url) {
        return StudyConfig.DatabaseConfig.shown(url);
    }
}
