package dev.studybot.store;

import dev.studybot.domain.Reviewer;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.ReviewerStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Review settings in portable SQL; the reminder time is minutes after local midnight, the day of the last reminder an ISO date. */
public final class SqlReviewerStore implements ReviewerStore {
    private static final String COLUMNS = "workspace, user_id, reviews_on, remind_at, zone, reminded_on, open_question";
    private final Jdbc jdbc;

    public SqlReviewerStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Reviewer> find(WorkspaceRef workspace, String userId) {
        return jdbc.one("SELECT " + COLUMNS + " FROM reviewers WHERE workspace = ? AND user_id = ?", SqlReviewerStore::row,
                workspace.key(), userId);
    }

    @Override
    public void save(Reviewer r) {
        jdbc.update("INSERT INTO reviewers (workspace, user_id, reviews_on, remind_at, zone, open_question) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (workspace, user_id) DO UPDATE SET reviews_on = excluded.reviews_on, remind_at = excluded.remind_at, "
                        + "zone = excluded.zone, open_question = excluded.open_question",
                r.workspace().key(), r.userId(), r.on() ? 1 : 0, r.remindAt().map(t -> t.getHour() * 60 + t.getMinute()).orElse(null),
                r.zone().map(ZoneId::getId).orElse(null), r.openQuestion().orElse(null));
    }

    @Override
    public List<Reviewer> withReminders() {
        return jdbc.list("SELECT " + COLUMNS + " FROM reviewers WHERE reviews_on = 1 AND remind_at IS NOT NULL ORDER BY workspace, user_id",
                SqlReviewerStore::row);
    }

    @Override
    public boolean claimReminder(WorkspaceRef workspace, String userId, LocalDate day) {
        return jdbc.update("UPDATE reviewers SET reminded_on = ? WHERE workspace = ? AND user_id = ? AND (reminded_on IS NULL OR reminded_on <> ?)",
                day.toString(), workspace.key(), userId, day.toString()) == 1;
    }

    @Override
    public void releaseReminder(WorkspaceRef workspace, String userId, LocalDate day) {
        jdbc.update("UPDATE reviewers SET reminded_on = NULL WHERE workspace = ? AND user_id = ? AND reminded_on = ?",
                workspace.key(), userId, day.toString());
    }

    private static Reviewer row(ResultSet rs) throws SQLException {
        Long remindAt = Jdbc.longOrNull(rs, "remind_at");
        return new Reviewer(Keys.workspace(rs.getString("workspace")), rs.getString("user_id"), rs.getInt("reviews_on") != 0,
                Optional.ofNullable(remindAt).map(m -> LocalTime.of((int) (m / 60), (int) (m % 60))),
                Optional.ofNullable(rs.getString("zone")).map(ZoneId::of),
                Optional.ofNullable(rs.getString("reminded_on")).map(LocalDate::parse),
                Optional.ofNullable(rs.getString("open_question")));
    }
}
