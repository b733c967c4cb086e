package dev.studybot.port.out;

import dev.studybot.domain.Season;
import dev.studybot.domain.WorkspaceRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Named competition windows; at most one open per workspace. */
public interface SeasonStore {
    Optional<Season> current(WorkspaceRef workspace);

    /** The open season, else the one that ended last. */
    Optional<Season> latest(WorkspaceRef workspace);

    /** Every season of the workspace, the one started last first. */
    List<Season> all(WorkspaceRef workspace);

    Season start(WorkspaceRef workspace, String name, Instant at);

    void end(Season season, Instant at);
}
