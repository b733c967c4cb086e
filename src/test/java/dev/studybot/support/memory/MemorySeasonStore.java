package dev.studybot.support.memory;

import dev.studybot.domain.Season;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.SeasonStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stands for {@code SqlSeasonStore}: seasons by id (never reused); a workspace's latest is the one
 * started last. Starting a second open season in a workspace breaks the port's contract, which the
 * SQL store leaves to its caller: here it throws, so a core that does it fails its test.
 */
public final class MemorySeasonStore implements SeasonStore {
    private final List<Season> seasons = new ArrayList<>();

    @Override
    public synchronized Optional<Season> current(WorkspaceRef workspace) {
        return latest(workspace).filter(s -> s.endedAt().isEmpty());
    }

    @Override
    public synchronized Optional<Season> latest(WorkspaceRef workspace) {
        return seasons.reversed().stream().filter(s -> s.workspace().equals(workspace)).findFirst();
    }

    @Override
    public synchronized List<Season> all(WorkspaceRef workspace) {
        return seasons.reversed().stream().filter(s -> s.workspace().equals(workspace)).toList();
    }

    @Override
    public synchronized Season start(WorkspaceRef workspace, String name, Instant at) {
        if (current(workspace).isPresent()) {
            throw new IllegalStateException("a season is already open in " + workspace.key());
        }
        Season season = new Season(seasons.size() + 1L, workspace, name, at, Optional.empty());
        seasons.add(new Season(season.id(), workspace, name, Columns.millis(at), Optional.empty()));
        return season;
    }

    @Override
    public synchronized void end(Season season, Instant at) {
        for (int i = 0; i < seasons.size(); i++) {
            Season s = seasons.get(i);
            if (s.id() == season.id() && s.endedAt().isEmpty()) {
                seasons.set(i, new Season(s.id(), s.workspace(), s.name(), s.startedAt(), Optional.of(Columns.millis(at))));
            }
        }
    }
}
