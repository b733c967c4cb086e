package dev.studybot.port.out;

import java.time.Duration;
import java.time.Instant;

/**
 * The studybot nodes that share one database, and what only one of them may hold at a time (the
 * Discord gateway session). A node says it is alive every few seconds; a lease is held until it
 * runs out, so a node that dies loses it without a word and another takes it over.
 */
public interface NodeRegistry {

    /** Records that {@code node} is alive at {@code now}. */
    void heartbeat(String node, Instant now);

    /** How many nodes were alive within {@code within} of {@code now}; at least 1. */
    int liveNodes(Instant now, Duration within);

    /** The node is leaving: its heartbeat and its leases go. */
    void leave(String node);

    /**
     * Takes the lease, or renews it when {@code node} holds it already, until {@code now + ttl};
     * false while another node's lease has not run out.
     */
    boolean hold(String lease, String node, Instant now, Duration ttl);

    /** Gives the lease up if {@code node} holds it. */
    void release(String lease, String node);
}
