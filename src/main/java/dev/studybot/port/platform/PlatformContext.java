package dev.studybot.port.platform;

import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.out.QuestionBank;
import dev.studybot.port.out.Telemetry;
import java.time.Clock;
import java.util.Objects;

/**
 * What a platform gets from the core when it starts: where commands go, the bank (for
 * suggestions while a member types), the core's limits, its clock, its own secrets, and where it
 * reports what it counts and times (how long acknowledging a command took).
 */
public record PlatformContext(CommandHandler commands, QuestionBank bank, int maxAnswerLength, Clock clock, Secrets secrets,
                              Telemetry telemetry) {
    public PlatformContext {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(telemetry, "telemetry");
    }

    /** A context whose telemetry goes nowhere. */
    public PlatformContext(CommandHandler commands, QuestionBank bank, int maxAnswerLength, Clock clock, Secrets secrets) {
        this(commands, bank, maxAnswerLength, clock, secrets, Telemetry.NONE);
    }
}
