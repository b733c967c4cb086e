package dev.studybot.port.platform;

import dev.studybot.port.out.InstallationStore;
import dev.studybot.port.out.OAuthStateStore;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a platform app installed in many workspaces keeps in the database every node shares: its
 * installations, the states of installs under way, and a way to pause a workspace's daily posts
 * when the app is removed from it (its history stays).
 */
public record Workspaces(InstallationStore installations, OAuthStateStore oauthStates, SchedulePause pause) {
    public Workspaces {
        Objects.requireNonNull(installations, "installations");
        Objects.requireNonNull(oauthStates, "oauthStates");
        Objects.requireNonNull(pause, "pause");
    }

    /** Pauses every schedule of some workspaces, with the reason {@code /study schedule show} gives. */
    @FunctionalInterface
    public interface SchedulePause {
        /**
         * Pauses the schedules of {@code platform} in the workspaces whose key {@code workspaces}
         * accepts (one workspace, or every workspace of an organisation); how many it paused.
         */
        int pauseAll(String platform, Predicate<String> workspaces, String reason);
    }
}
