package dev.studybot.app;

import dev.studybot.domain.Picture;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Season;
import dev.studybot.domain.Standing;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.words.ChartWords;
import dev.studybot.port.in.Command;
import dev.studybot.port.out.LeaderboardQuery;
import dev.studybot.port.out.SeasonStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Named competition windows: one open season per workspace, and the ones before it to look back on. */
public final class Seasons {
    /** How many seasons {@code /study season list} shows, newest first. */
    static final int LISTED = 20;
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final Clock clock;
    private final Settings settings;
    private final SeasonStore seasons;
    private final LeaderboardQuery query;
    private final Pictures pictures;

    public Seasons(Clock clock, Settings settings, SeasonStore seasons, LeaderboardQuery query, Pictures pictures) {
        this.clock = clock;
        this.settings = settings;
        this.seasons = seasons;
        this.query = query;
        this.pictures = pictures;
    }

    public Reply start(Command command, String rawName) {
        String problem = Texts.nameProblem("Season", rawName);
        if (problem != null) {
            return new Reply.Error(problem);
        }
        WorkspaceRef ws = command.channel().workspaceRef();
        Optional<Season> current = seasons.current(ws);
        if (current.isPresent()) {
            return new Reply.Error("Season " + current.get().name() + " is still running; end it first with /study season end.");
        }
        Season season = seasons.start(ws, Texts.normalName(rawName), clock.instant());
        return new Reply.Notice("Season " + season.name() + " has started. Points from now on count for /study leaderboard season.");
    }

    /** Ends the running season; its final standings and their chart are the reply, posted in the channel. */
    public Reply end(Command command) {
        WorkspaceRef ws = command.channel().workspaceRef();
        Optional<Season> current = seasons.current(ws);
        if (current.isEmpty()) {
            return new Reply.Error("No season is running.");
        }
        Season season = current.get();
        Instant endedAt = clock.instant();
        seasons.end(season, endedAt);
        List<Standing> standings = query.members(ws, season.startedAt(), endedAt, settings.leaderboardSize());
        LocalDate started = day(season.startedAt());
        LocalDate ended = day(endedAt);
        String title = "Season " + season.name() + ", final standings (" + ChartWords.dates(started, ended) + ")";
        Optional<Picture> chart = pictures.standings(ws, title, standings, false, "season-" + Pictures.safe(season.name()) + ".png");
        return new Reply.SeasonEnded(season.name(), started, ended, standings, chart);
    }

    /** The seasons, newest first, with their dates and winners (for the running one, its leader so far). */
    public Reply list(Command command) {
        WorkspaceRef ws = command.channel().workspaceRef();
        List<Reply.SeasonList.SeasonLine> lines = seasons.all(ws).stream().limit(LISTED).map(s -> {
            List<Standing> top = query.members(ws, s.startedAt(), s.endedAt().orElse(END_OF_TIME), 1);
            Optional<Standing> winner = top.stream().filter(t -> t.points() > 0).findFirst();
            return new Reply.SeasonList.SeasonLine(s.name(), day(s.startedAt()), s.endedAt().map(this::day),
                    winner.map(Standing::name), winner.map(Standing::points).orElse(0L));
        }).toList();
        return new Reply.SeasonList(lines);
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, settings.zone());
    }
}
