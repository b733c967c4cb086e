package dev.studybot.port.out;

import dev.studybot.domain.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Posts that are due and not sent yet, kept in the database so that none is lost when a node
 * stops: the schedule adds a channel's slot when its trigger fires, and a sender on any node
 * claims it for a while, posts it and marks it done. A claim that runs out (its node died) makes
 * the delivery claimable again.
 */
public interface DeliveryQueue {

    /** One channel's post for one slot, with how many times it has been claimed. */
    record Delivery(ChannelRef channel, Instant slot, int attempts) {
    }

    /** Adds the slot unless it is already waiting; it may be sent from {@code notBefore} on. */
    void add(ChannelRef channel, Instant slot, Instant notBefore);

    /**
     * Claims up to {@code max} deliveries that are due at {@code now}, for the platforms this node
     * can post to, oldest slot first, for {@code lease}; deliveries claimed by another node whose
     * claim has not run out are skipped.
     */
    List<Delivery> claim(String node, Set<String> platforms, Instant now, Duration lease, int max);

    /**
     * Keeps {@code node}'s claims until {@code until}: what a node does while its posts are still
     * being sent (waiting for the platform's rate limit), so no other node takes them over.
     */
    void extend(String node, Instant until);

    /** The delivery is over: posted, or nothing more to do. */
    void done(Delivery delivery);

    /** The delivery goes back to the queue, to be tried again from {@code notBefore}. */
    void later(Delivery delivery, Instant notBefore);

    /** How many deliveries are waiting, claimed or not. */
    int waiting();
}
