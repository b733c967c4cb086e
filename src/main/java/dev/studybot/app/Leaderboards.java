package dev.studybot.app;

import dev.studybot.domain.Period;
import dev.studybot.domain.Picture;
import dev.studybot.domain.Season;
import dev.studybot.domain.Standing;
import dev.studybot.domain.Team;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.Reply;
import dev.studybot.domain.words.ChartWords;
import dev.studybot.port.in.Command;
import dev.studybot.port.out.LeaderboardQuery;
import dev.studybot.port.out.MemberStore;
import dev.studybot.port.out.PostStore;
import dev.studybot.port.out.SeasonStore;
import dev.studybot.port.out.SubmissionStore;
import dev.studybot.port.out.TeamStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/** Standings by period for members and teams, and a member's stats (with their mastery, in their own). */
public final class Leaderboards {
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final Clock clock;
    private final Settings settings;
    private final LeaderboardQuery query;
    private final SeasonStore seasons;
    private final MemberStore members;
    private final TeamStore teams;
    private final Streaks streaks;
    private final Mastery mastery;
    private final Pictures pictures;

    public Leaderboards(Clock clock, Settings settings, LeaderboardQuery query, SeasonStore seasons, MemberStore members,
                        TeamStore teams, PostStore posts, SubmissionStore submissions, Mastery mastery, Pictures pictures) {
        this.clock = clock;
        this.settings = settings;
        this.query = query;
        this.seasons = seasons;
        this.members = members;
        this.teams = teams;
        this.streaks = new Streaks(posts, submissions);
        this.mastery = mastery;
        this.pictures = pictures;
    }

    /** Standings for the window; {@code seasonName} picks a season by name (the latest of that name), {@code chart} adds the chart. */
    public Reply standings(Command command, Period period, boolean byTeam, Optional<String> seasonName, boolean chart) {
        WorkspaceRef ws = command.channel().workspaceRef();
        Instant from;
        Instant to = END_OF_TIME;
        Optional<String> label = Optional.empty();
        ZonedDateTime now = clock.instant().atZone(settings.zone());
        switch (period) {
            case WEEK -> from = now.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
            case MONTH -> from = now.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
            case ALL -> from = Instant.EPOCH;
            case SEASON -> {
                Optional<Season> season = seasonName.isPresent() ? named(ws, seasonName.get()) : seasons.latest(ws);
                if (season.isEmpty() && seasonName.isPresent()) {
                    return new Reply.Error("No season called '" + Texts.shorten(seasonName.get(), 40) + "' has been run here. "
                            + "/study season list shows the seasons.");
                }
                if (season.isEmpty()) {
                    return new Reply.Error("No season has been run here yet. An admin can start one with /study season start NAME.");
                }
                from = season.get().startedAt();
                to = season.get().endedAt().orElse(END_OF_TIME);
                label = Optional.of(season.get().name() + (season.get().endedAt().isPresent() ? " (ended)" : ""));
            }
            default -> throw new IllegalStateException(period.name());
        }
        List<Standing> rows = byTeam
                ? query.teams(ws, from, to, settings.leaderboardSize())
                : query.members(ws, from, to, settings.leaderboardSize());
        Optional<Picture> picture = chart
                ? pictures.standings(ws, chartTitle(period, byTeam, label, now), rows, byTeam,
                        "leaderboard-" + period.label() + (byTeam ? "-teams" : "") + ".png")
                : Optional.empty();
        return new Reply.Leaderboard(period, byTeam, label, rows, picture);
    }

    /** The season of that name started last, names compared as team and season names are. */
    private Optional<Season> named(WorkspaceRef ws, String name) {
        String wanted = Texts.normalName(name);
        return seasons.all(ws).stream().filter(s -> s.name().equalsIgnoreCase(wanted)).findFirst();
    }

    private static String chartTitle(Period period, boolean byTeam, Optional<String> season, ZonedDateTime now) {
        String what = byTeam ? "Team leaderboard, " : "Leaderboard, ";
        return what + switch (period) {
            case WEEK -> ChartWords.weekOf(now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            case MONTH -> now.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + now.getYear();
            case SEASON -> "season " + season.orElse("");
            case ALL -> "all time";
        };
    }

    public Reply stats(Command command, Optional<String> member) {
        WorkspaceRef ws = command.channel().workspaceRef();
        String userId = command.actor().userId();
        if (member.isPresent()) {
            String wanted = member.get().strip().replaceFirst("^@", "");
            Optional<String> found = members.find(ws, wanted);
            if (found.isEmpty()) {
                return new Reply.Error("No member called '" + Texts.shorten(member.get(), 40) + "' has used studybot here.");
            }
            userId = found.get();
        }
        LeaderboardQuery.MemberTotals totals = query.totals(ws, userId);
        String name = members.displayName(ws, userId).orElse(userId);
        Optional<String> team = teams.teamOf(ws, userId).map(Team::name);
        List<Reply.Stats.TopicLine> topics = totals.topics().stream()
                .map(t -> new Reply.Stats.TopicLine(t.topic(), t.answers(), (int) Math.round(100 * t.coverage())))
                .toList();
        // mastery comes from reviews too, which are private: only in the member's own stats
        Optional<Reply.Progress> progress = userId.equals(command.actor().userId())
                ? Optional.of(mastery.progress(ws, userId)) : Optional.empty();
        return new Reply.Stats(name, totals.points(), totals.answers(), streaks.current(command.channel(), userId), team, topics, progress,
                pictures.progress(ws, userId, name));
    }
}
