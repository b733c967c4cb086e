package dev.studybot.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel's daily post: {@code cron} is a Quartz cron expression, {@code when} what the admin
 * typed, {@code setBy} the admin who set it (told directly if it pauses), {@code pausedReason} set
 * when the platform refused a post (missing permission, deleted channel) until an admin sets the
 * schedule again. {@code decks} names the decks the questions come from; none means every deck of
 * the workspace.
 */
public record Schedule(ChannelRef channel, String when, String cron, ZoneId zone,
                       Optional<String> topic, Optional<Level> level, Optional<String> setBy, Optional<String> pausedReason,
                       List<String> decks) {
    public Schedule {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(zone, "zone");
        topic = topic == null ? Optional.empty() : topic;
        level = level == null ? Optional.empty() : level;
        setBy = setBy == null ? Optional.empty() : setBy;
        pausedReason = pausedReason == null ? Optional.empty() : pausedReason;
        decks = decks == null ? List.of() : List.copyOf(decks);
    }

    /** A schedule drawing on every deck of the workspace. */
    public Schedule(ChannelRef channel, String when, String cron, ZoneId zone,
                    Optional<String> topic, Optional<Level> level, Optional<String> setBy, Optional<String> pausedReason) {
        this(channel, when, cron, zone, topic, level, setBy, pausedReason, List.of());
    }

    public boolean paused() {
        return pausedReason.isPresent();
    }

    public Schedule pausedFor(String reason) {
        return new Schedule(channel, when, cron, zone, topic, level, setBy, Optional.of(reason), decks);
    }

    public boolean admits(Question q) {
        return topic.map(t -> t.equalsIgnoreCase(q.topic())).orElse(true)
                && level.map(l -> l == q.level()).orElse(true);
    }
}
