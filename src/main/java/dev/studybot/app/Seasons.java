package dev.studybot.app;

import dev.studybot.domain.Season;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Command;
import dev.studybot.port.out.SeasonStore;
import java.time.Clock;
import java.util.Optional;

/** Named competition windows: one open season per workspace. */
public final class Seasons {
    private final Clock clock;
    private final SeasonStore seasons;

    public Seasons(Clock clock, SeasonStore seasons) {
        this.clock = clock;
        this.seasons = seasons;
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

    public Reply end(Command command) {
        Optional<Season> current = seasons.current(command.channel().workspaceRef());
        if (current.isEmpty()) {
            return new Reply.Error("No season is running.");
        }
        seasons.end(current.get(), clock.instant());
        return new Reply.Notice("Season " + current.get().name() + " has ended. /study leaderboard season shows its final standings.");
    }
}
