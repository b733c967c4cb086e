package dev.studybot.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A question posted to a channel. {@code slot} is the schedule time it was posted for (or the
 * posting time for a manual post); {@code messageRef} and {@code threadRef} are the platform's ids.
 */
public record Post(long id, ChannelRef channel, String questionId, Instant slot, Instant postedAt,
                   String messageRef, String threadRef, Instant closedAt) {

    public boolean isOpen() {
        return closedAt == null;
    }

    public Optional<String> thread() {
        return Optional.ofNullable(threadRef);
    }
}
