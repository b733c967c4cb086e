package dev.studybot.port.platform;

import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.out.QuestionBank;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What a platform gets from the core when it starts: where commands go, the bank (for
 * suggestions while a member types), the core's limits, its clock, its own secrets, the node it
 * runs on among those sharing the database, and a folder beside the database where it may write
 * files ({@code files}: the console's charts).
 */
public record PlatformContext(CommandHandler commands, QuestionBank bank, int maxAnswerLength, Clock clock, Secrets secrets,
                              Cluster cluster, Path files) {
    public PlatformContext {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(files, "files");
    }

    /** One node alone, with files in {@code data/charts}, as beside the default database. */
    public PlatformContext(CommandHandler commands, QuestionBank bank, int maxAnswerLength, Clock clock, Secrets secrets) {
        this(commands, bank, maxAnswerLength, clock, secrets, Cluster.single("local"), Path.of("data", "charts"));
    }
}
