package dev.studybot.store;

import dev.studybot.port.out.NodeRegistry;
import java.time.Duration;
import java.time.Instant;

/** Nodes and leases in the {@code nodes} and {@code leases} tables; a lease is taken with one conditional upsert. */
public final class SqlNodeRegistry implements NodeRegistry {
    private final Jdbc jdbc;

    public SqlNodeRegistry(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void heartbeat(String node, Instant now) {
        jdbc.update("INSERT INTO nodes (id, started_at, seen_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at",
                node, now.toEpochMilli(), now.toEpochMilli());
    }

    @Override
    public int liveNodes(Instant now, Duration within) {
        int live = jdbc.one("SELECT COUNT(*) FROM nodes WHERE seen_at >= ?", rs -> rs.getInt(1), now.minus(within).toEpochMilli()).orElse(1);
        return Math.max(1, live);
    }

    @Override
    public void leave(String node) {
        jdbc.update("DELETE FROM leases WHERE holder = ?", node);
        jdbc.update("DELETE FROM nodes WHERE id = ?", node);
    }

    @Override
    public boolean hold(String lease, String node, Instant now, Duration ttl) {
        // insert, or take over a lease that ran out, or renew our own: one statement, so two nodes cannot both win
        int taken = jdbc.update("INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE "
                        + "SET holder = excluded.holder, expires_at = excluded.expires_at WHERE leases.holder = excluded.holder OR leases.expires_at < ?",
                lease, node, now.plus(ttl).toEpochMilli(), now.toEpochMilli());
        return taken == 1;
    }

    @Override
    public void release(String lease, String node) {
        jdbc.update("DELETE FROM leases WHERE name = ? AND holder = ?", lease, node);
    }
}
