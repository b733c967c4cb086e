package dev.studybot.app;

import dev.studybot.domain.Picture;
import dev.studybot.domain.Standing;
import dev.studybot.domain.Team;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.words.ChartWords;
import dev.studybot.port.out.Charts;
import dev.studybot.port.out.LeaderboardQuery;
import dev.studybot.port.out.TeamStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The charts the core shows: standings as bars (a member's bar in their team's colour) and a
 * member's weeks. A chart only ever adds to a reply: when there is nothing to draw, or drawing
 * fails, the reply goes without it.
 */
public final class Pictures {
    private static final Logger LOG = System.getLogger(Pictures.class.getName());
    /** How many weeks a progress chart shows at most, ending with this one. */
    static final int PROGRESS_WEEKS = 12;

    private final Clock clock;
    private final Settings settings;
    private final Charts charts;
    private final LeaderboardQuery query;
    private final TeamStore teams;

    public Pictures(Clock clock, Settings settings, Charts charts, LeaderboardQuery query, TeamStore teams) {
        this.clock = clock;
        this.settings = settings;
        this.charts = charts;
        this.query = query;
        this.teams = teams;
    }

    /** The Monday that starts the current week, in the workspace's zone. */
    LocalDate thisMonday() {
        return LocalDate.ofInstant(clock.instant(), settings.zone()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** This week's member standings as a chart: the one posted with each close, whose results go out even if the board cannot be read. */
    public Optional<Picture> thisWeek(WorkspaceRef workspace) {
        LocalDate monday = thisMonday();
        Instant from = monday.atStartOfDay(settings.zone()).toInstant();
        List<Standing> rows;
        try {
            rows = query.members(workspace, from, Instant.parse("9999-12-31T00:00:00Z"), settings.leaderboardSize());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read this week's standings; the results go without their chart", e);
            return Optional.empty();
        }
        return standings(workspace, "Leaderboard, " + ChartWords.weekOf(monday), rows, false, "leaderboard-week-" + monday + ".png");
    }

    /** Standings as a chart titled {@code title}; none when nobody has points. */
    public Optional<Picture> standings(WorkspaceRef workspace, String title, List<Standing> rows, boolean byTeam, String fileName) {
        if (rows.stream().noneMatch(s -> s.points() != 0)) {
            return Optional.empty();
        }
        return drawn(() -> {
            List<Charts.LeaderboardChart.Bar> bars = rows.stream()
                    .map(s -> new Charts.LeaderboardChart.Bar(ChartWords.bar(s), s.points(),
                            byTeam ? Optional.empty() : teams.teamOf(workspace, s.id()).map(Team::name)))
                    .toList();
            return charts.leaderboard(new Charts.LeaderboardChart(title, ChartWords.POINTS, ChartWords.NO_TEAM, bars,
                    ChartWords.leaderboardAlt(title, rows, byTeam), fileName));
        });
    }

    /** A member's last weeks (up to {@link #PROGRESS_WEEKS}, from their first scored answer): points, the running total, answers. */
    public Optional<Picture> progress(WorkspaceRef workspace, String userId, String name) {
        ZoneId zone = settings.zone();
        LocalDate thisMonday = thisMonday();
        List<LeaderboardQuery.Scored> history = query.history(workspace, userId, Instant.EPOCH);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = LocalDate.ofInstant(history.get(0).at(), zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate start = first.isBefore(thisMonday.minusWeeks(PROGRESS_WEEKS - 1)) ? thisMonday.minusWeeks(PROGRESS_WEEKS - 1) : first;
        int weeks = (int) ChronoUnit.WEEKS.between(start, thisMonday) + 1;
        if (weeks < 1) {
            return Optional.empty();
        }
        long[] points = new long[weeks];
        long[] answers = new long[weeks];
        long before = 0;
        for (LeaderboardQuery.Scored row : history) {
            LocalDate monday = LocalDate.ofInstant(row.at(), zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int week = (int) ChronoUnit.WEEKS.between(start, monday);
            if (week < 0) {
                before += row.points();
            } else if (week < weeks) {
                points[week] += row.points();
                answers[week] += row.answered() ? 1 : 0;
            }
        }
        List<Charts.ProgressChart.Week> rows = new ArrayList<>();
        long total = before;
        for (int i = 0; i < weeks; i++) {
            total += points[i];
            rows.add(new Charts.ProgressChart.Week(ChartWords.day(start.plusWeeks(i)), points[i], answers[i], total));
        }
        long all = total;
        String fileName = "progress-" + safe(name) + "-" + thisMonday + ".png";
        return drawn(() -> charts.progress(new Charts.ProgressChart(ChartWords.progressTitle(name), ChartWords.POINTS_PER_WEEK,
                ChartWords.TOTAL_POINTS, ChartWords.ANSWERS_PER_WEEK, rows,
                ChartWords.progressAlt(name, start, rows.stream().map(Charts.ProgressChart.Week::points).toList(),
                        rows.stream().map(Charts.ProgressChart.Week::answers).toList(), all),
                fileName)));
    }

    /** A name as a plain file-name part: lower-case letters and digits, runs of anything else as one dash. */
    static String safe(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        s = s.length() > 40 ? s.substring(0, 40) : s;
        return s.isEmpty() ? "member" : s;
    }

    private static Optional<Picture> drawn(Supplier<Picture> draw) {
        try {
            return Optional.of(draw.get());
        } catch (RuntimeException | LinkageError e) {
            // a chart is never worth the reply it goes with
            LOG.log(Level.WARNING, "Could not draw a chart; the reply goes without it", e);
            return Optional.empty();
        }
    }
}
