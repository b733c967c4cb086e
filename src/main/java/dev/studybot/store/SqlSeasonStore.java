package dev.studybot.store;

import dev.studybot.domain.Season;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.SeasonStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Seasons in portable SQL. */
public final class SqlSeasonStore implements SeasonStore {
    private final Jdbc jdbc;

    public SqlSeasonStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Season> current(WorkspaceRef workspace) {
        return latest(workspace).filter(s -> s.endedAt().isEmpty());
    }

    @Override
    public Optional<Season> latest(WorkspaceRef workspace) {
        return jdbc.one("SELECT id, name, started_at, ended_at FROM seasons WHERE workspace = ? ORDER BY id DESC LIMIT 1",
                rs -> new Season(rs.getLong(1), workspace, rs.getString(2), Keys.instant(rs.getLong(3)),
                        Optional.ofNullable(Keys.instant(Jdbc.longOrNull(rs, "ended_at")))), workspace.key());
    }

    @Override
    public List<Season> all(WorkspaceRef workspace) {
        return jdbc.list("SELECT id, name, started_at, ended_at FROM seasons WHERE workspace = ? ORDER BY id DESC",
                rs -> new Season(rs.getLong(1), workspace, rs.getString(2), Keys.instant(rs.getLong(3)),
                        Optional.ofNullable(Keys.instant(Jdbc.longOrNull(rs, "ended_at")))), workspace.key());
    }

    @Override
    public Season start(WorkspaceRef workspace, String name, Instant at) {
        long id = jdbc.one("INSERT INTO seasons (workspace, name, started_at) VALUES (?, ?, ?) RETURNING id",
                rs -> rs.getLong(1), workspace.key(), name, at.toEpochMilli()).orElseThrow();
        return new Season(id, workspace, name, at, Optional.empty());
    }

    @Override
    public void end(Season season, Instant at) {
        jdbc.update("UPDATE seasons SET ended_at = ? WHERE id = ? AND ended_at IS NULL", at.toEpochMilli(), season.id());
    }
}
