package dev.studybot.store;

import dev.studybot.domain.ChannelRef;
import dev.studybot.port.out.DeliveryQueue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The delivery queue in the {@code deliveries} table. On PostgreSQL a claim locks the rows it
 * takes and skips those another node is claiming ({@code FOR UPDATE SKIP LOCKED}), so nodes
 * never claim the same delivery at once; on SQLite one process is all there is.
 */
public final class SqlDeliveryQueue implements DeliveryQueue {
    private final Jdbc jdbc;

    public SqlDeliveryQueue(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(ChannelRef channel, Instant slot, Instant notBefore) {
        jdbc.update("INSERT INTO deliveries (platform, workspace, channel, slot, not_before) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (platform, workspace, channel, slot) DO NOTHING",
                channel.platform(), channel.workspace(), channel.channel(), slot.toEpochMilli(), notBefore.toEpochMilli());
    }

    @Override
    public List<Delivery> claim(String node, Set<String> platforms, Instant now, Duration lease, int max) {
        if (platforms.isEmpty() || max <= 0) {
            return List.of();
        }
        String in = platforms.stream().map(p -> "?").collect(Collectors.joining(", "));
        List<Object> args = new ArrayList<>(platforms);
        args.add(now.toEpochMilli());
        args.add(now.toEpochMilli());
        args.add(max);
        long until = now.plus(lease).toEpochMilli();
        return jdbc.inTransaction(c -> {
            List<Delivery> due = Jdbc.list(c, "SELECT platform, workspace, channel, slot, attempts FROM deliveries WHERE platform IN (" + in
                    + ") AND not_before <= ? AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY slot, platform, workspace, channel LIMIT ?"
                    + jdbc.dialect().lockSkippingLocked(), SqlDeliveryQueue::delivery, args.toArray());
            List<Delivery> claimed = new ArrayList<>(due.size());
            for (Delivery d : due) {
                int taken = Jdbc.update(c, "UPDATE deliveries SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 "
                                + "WHERE platform = ? AND workspace = ? AND channel = ? AND slot = ? AND (claimed_until IS NULL OR claimed_until < ?)",
                        node, until, d.channel().platform(), d.channel().workspace(), d.channel().channel(), d.slot().toEpochMilli(),
                        now.toEpochMilli());
                if (taken == 1) {
                    claimed.add(new Delivery(d.channel(), d.slot(), d.attempts() + 1));
                }
            }
            return claimed;
        });
    }

    @Override
    public void extend(String node, Instant until) {
        jdbc.update("UPDATE deliveries SET claimed_until = ? WHERE claimed_by = ? AND claimed_until < ?",
                until.toEpochMilli(), node, until.toEpochMilli());
    }

    @Override
    public void done(Delivery delivery) {
        ChannelRef c = delivery.channel();
        jdbc.update("DELETE FROM deliveries WHERE platform = ? AND workspace = ? AND channel = ? AND slot = ?",
                c.platform(), c.workspace(), c.channel(), delivery.slot().toEpochMilli());
    }

    @Override
    public void later(Delivery delivery, Instant notBefore) {
        ChannelRef c = delivery.channel();
        jdbc.update("UPDATE deliveries SET not_before = ?, claimed_by = NULL, claimed_until = NULL "
                        + "WHERE platform = ? AND workspace = ? AND channel = ? AND slot = ?",
                notBefore.toEpochMilli(), c.platform(), c.workspace(), c.channel(), delivery.slot().toEpochMilli());
    }

    @Override
    public int waiting() {
        return jdbc.one("SELECT COUNT(*) FROM deliveries", rs -> rs.getInt(1)).orElse(0);
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(new ChannelRef(rs.getString("platform"), rs.getString("workspace"), rs.getString("channel")),
                Instant.ofEpochMilli(rs.getLong("slot")), rs.getInt("attempts"));
    }
}
