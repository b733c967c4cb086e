package dev.studybot.port.in;

import dev.studybot.domain.ChannelRef;
import java.time.Instant;

/** What a schedule's trigger does when it fires: hands the channel's slot to the senders, and returns at once. */
public interface DuePosts {
    void due(ChannelRef channel, Instant slot);
}
