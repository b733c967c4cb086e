package dev.studybot.port.platform;

import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.out.WorkspaceBanks;
import java.nio.file.Path;
import dev.studybot.port.out.Telemetry;
import java.time.Clock;
import java.util.Objects;

/**
 * What a platform gets from the core when it starts: where commands go, each workspace's
 * questions (for suggestions while a member types), the core's limits, its clock, its own secrets, the node it
 * runs on among those sharing the database, a folder beside the database where it may write
 * files ({@code files}: the console's charts), and where it reports what it counts and times (how
 * long acknowledging a command took), and the workspaces an app installed in many of them keeps in
 * the database ({@code workspaces}).
 */
public record PlatformContext(CommandHandler commands, WorkspaceBanks banks, int maxAnswerLength, Clock clock, Secrets secrets,
                              Cluster cluster, Path files, Telemetry telemetry, Workspaces workspaces) {
    public PlatformContext {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(banks, "banks");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(workspaces, "workspaces");
    }
}
