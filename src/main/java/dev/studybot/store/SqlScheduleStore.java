package dev.studybot.store;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Level;
import dev.studybot.domain.Schedule;
import dev.studybot.port.out.ScheduleStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Schedules in portable SQL. */
public final class SqlScheduleStore implements ScheduleStore {
    private static final String COLUMNS = "workspace, channel, when_text, cron, zone, topic, level, set_by, paused_reason, address, decks";
    private final Jdbc jdbc;

    public SqlScheduleStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Schedule s) {
        jdbc.update("INSERT INTO schedules (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace, channel) DO UPDATE SET "
                        + "when_text = excluded.when_text, cron = excluded.cron, zone = excluded.zone, topic = excluded.topic, "
                        + "level = excluded.level, set_by = excluded.set_by, paused_reason = excluded.paused_reason, address = excluded.address, decks = excluded.decks",
                s.channel().workspaceRef().key(), s.channel().channel(), s.when(), s.cron(), s.zone().getId(),
                s.topic().orElse(null), s.level().map(Level::label).orElse(null), s.setBy().orElse(null), s.pausedReason().orElse(null),
                s.channel().address().orElse(null), s.decks().isEmpty() ? null : String.join(",", s.decks()));
    }

    @Override
    public Optional<Schedule> find(ChannelRef channel) {
        return jdbc.one("SELECT " + COLUMNS + " FROM schedules WHERE workspace = ? AND channel = ?", SqlScheduleStore::row,
                channel.workspaceRef().key(), channel.channel());
    }

    @Override
    public boolean delete(ChannelRef channel) {
        return jdbc.update("DELETE FROM schedules WHERE workspace = ? AND channel = ?", channel.workspaceRef().key(), channel.channel()) > 0;
    }

    @Override
    public List<Schedule> all() {
        return jdbc.list("SELECT " + COLUMNS + " FROM schedules ORDER BY workspace, channel", SqlScheduleStore::row);
    }

    private static Schedule row(ResultSet rs) throws SQLException {
        return new Schedule(Keys.channel(rs.getString("workspace"), rs.getString("channel"))
                .withAddress(Optional.ofNullable(rs.getString("address"))), rs.getString("when_text"),
                rs.getString("cron"), ZoneId.of(rs.getString("zone")), Optional.ofNullable(rs.getString("topic")),
                Optional.ofNullable(rs.getString("level")).flatMap(Level::parse), Optional.ofNullable(rs.getString("set_by")),
                Optional.ofNullable(rs.getString("paused_reason")),
                Optional.ofNullable(rs.getString("decks")).map(d -> List.of(d.split(","))).orElse(List.of()));
    }
}
