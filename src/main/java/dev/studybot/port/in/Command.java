package dev.studybot.port.in;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import java.util.Objects;

/** A parsed request: who asked, where, and what. Every platform ends in one of these. */
public record Command(ChannelRef channel, Actor actor, Action action) {
    public Command {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
    }
}
