package dev.studybot.app;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The core's settings, taken from config: the default timezone (schedules without one, and the
 * week and month of leaderboards), how late a missed post may still go out, when a post closes
 * without a next one, who counts as admin, and the longest answer accepted.
 */
public record Settings(ZoneId zone, Duration grace, Optional<Duration> closeAfter, Set<String> adminRoles,
                       int maxAnswerLength, int leaderboardSize) {
    public Settings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(grace, "grace");
        closeAfter = closeAfter == null ? Optional.empty() : closeAfter;
        adminRoles = Set.copyOf(adminRoles);
        if (maxAnswerLength < 1) {
            throw new IllegalArgumentException("maxAnswerLength must be positive");
        }
        if (leaderboardSize < 1) {
            throw new IllegalArgumentException("leaderboardSize must be positive");
        }
    }

    public static Settings defaults() {
        return new Settings(ZoneId.of("UTC"), Duration.ofHours(6), Optional.empty(), Set.of(), 4000, 10);
    }
}
