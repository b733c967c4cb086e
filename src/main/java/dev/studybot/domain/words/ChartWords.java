package dev.studybot.domain.words;

import dev.studybot.domain.Standing;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The words on and about charts: titles, axis labels and the alt text that says what each chart shows. */
public final class ChartWords {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    public static final String POINTS = "points";
    /** The legend entry of members in no team. */
    public static final String NO_TEAM = "no team";
    public static final String POINTS_PER_WEEK = "points per week";
    public static final String TOTAL_POINTS = "total points";
    public static final String ANSWERS_PER_WEEK = "answers per week";
    /** The longest name a bar's label shows. */
    private static final int LABEL_NAME = 24;

    private ChartWords() {
    }

    /** "week of 30 Nov". */
    public static String weekOf(LocalDate monday) {
        return "week of " + DAY.format(monday);
    }

    /** "30 Nov", a week's label on a progress chart. */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** "1 Oct 2026". */
    public static String date(LocalDate day) {
        return DATE.format(day);
    }

    /** "1 Oct 2026 – 30 Nov 2026". */
    public static String dates(LocalDate from, LocalDate to) {
        return date(from) + " – " + date(to);
    }

    /** A bar's label: "1. alice". */
    public static String bar(Standing standing) {
        String name = standing.name().length() <= LABEL_NAME ? standing.name() : standing.name().substring(0, LABEL_NAME - 1) + "…";
        return standing.rank() + ". " + name;
    }

    /** "Leaderboard, week of 30 Nov: alice 42, bob 30, carol 12." */
    public static String leaderboardAlt(String title, List<Standing> standings, boolean teams) {
        return title + ": " + standings.stream().map(s -> s.name() + " " + s.points()).collect(Collectors.joining(", "))
                + (teams ? " (team points)." : ".");
    }

    /** "alice's progress". */
    public static String progressTitle(String member) {
        return member + "'s progress";
    }

    /**
     * "alice's progress, 8 weeks from 12 Oct: 57 points in all; points per week 0, 7, 14, ...;
     * answers per week 0, 1, 3, ...".
     */
    public static String progressAlt(String member, LocalDate firstWeek, List<Long> points, List<Long> answers, long total) {
        return progressTitle(member) + ", " + points.size() + (points.size() == 1 ? " week" : " weeks") + " from " + day(firstWeek) + ": "
                + total + (total == 1 ? " point" : " points") + " in all; " + POINTS_PER_WEEK + " " + joined(points) + "; "
                + ANSWERS_PER_WEEK + " " + joined(answers) + ".";
    }

    private static String joined(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
