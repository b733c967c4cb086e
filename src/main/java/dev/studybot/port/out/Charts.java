package dev.studybot.port.out;

import dev.studybot.domain.Picture;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Draws charts as pictures. The core gives every word (title, labels, alt text, file name); the
 * adapter only lays them out, readable on light and dark chat themes alike.
 */
public interface Charts {

    /** Horizontal bars, best first: one per member or team. */
    Picture leaderboard(LeaderboardChart chart);

    /** A member's weeks: points per week with the running total, and answers per week. */
    Picture progress(ProgressChart chart);

    /** A leaderboard chart; {@code group} colours a bar by its team, {@code noTeamLabel} names the bars of none. */
    record LeaderboardChart(String title, String axisLabel, String noTeamLabel, List<Bar> bars, String altText, String fileName) {
        public LeaderboardChart {
            bars = List.copyOf(bars);
            Objects.requireNonNull(title, "title");
            if (bars.isEmpty()) {
                throw new IllegalArgumentException("a leaderboard chart needs at least one bar");
            }
        }

        /** One bar: its label ("1. alice"), its value, and the team it is coloured by, if any. */
        public record Bar(String label, long points, Optional<String> group) {
        }
    }

    /** A progress chart over consecutive weeks, oldest first. */
    record ProgressChart(String title, String pointsLabel, String totalLabel, String answersLabel, List<Week> weeks,
                         String altText, String fileName) {
        public ProgressChart {
            weeks = List.copyOf(weeks);
            if (weeks.isEmpty()) {
                throw new IllegalArgumentException("a progress chart needs at least one week");
            }
        }

        /** One week: its axis label ("30 Nov"), points and answers in it, and the running total of points at its end. */
        public record Week(String label, long points, long answers, long total) {
        }
    }
}
