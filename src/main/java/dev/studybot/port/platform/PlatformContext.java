package dev.studybot.port.platform;

import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.out.QuestionBank;
import java.time.Clock;
import java.util.Objects;

/**
 * What a platform gets from the core when it starts: where commands go, the bank (for
 * suggestions while a member types), the core's limits, its clock, its own secrets, and the
 * node it runs on among those sharing the database.
 */
public record PlatformContext(CommandHandler commands, QuestionBank bank, int maxAnswerLength, Clock clock, Secrets secrets,
                              Cluster cluster) {
    public PlatformContext {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(cluster, "cluster");
    }
}
