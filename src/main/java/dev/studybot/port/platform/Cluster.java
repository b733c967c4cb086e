package dev.studybot.port.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The node a platform runs on, among the nodes that share one database: its id, how many nodes
 * are alive (a platform limit shared by all of them is divided among them), and leases for what
 * only one node may hold at a time, such as a gateway session. On one node with SQLite every
 * lease is always held.
 */
public record Cluster(String node, boolean clustered, IntSupplier liveNodes, Leases leases) {
    public Cluster {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(liveNodes, "liveNodes");
        Objects.requireNonNull(leases, "leases");
    }

    /** Leases in the shared database. */
    public interface Leases {
        /** Takes or renews the lease for {@code ttl}; false while another node holds it. */
        boolean hold(String name, Duration ttl);

        /** Gives it up, if held. */
        void release(String name);
    }

    /** One node alone: every lease held, one node alive. */
    public static Cluster single(String node) {
        return new Cluster(node, false, () -> 1, new Leases() {
            @Override
            public boolean hold(String name, Duration ttl) {
                return true;
            }

            @Override
            public void release(String name) {
            }
        });
    }
}
