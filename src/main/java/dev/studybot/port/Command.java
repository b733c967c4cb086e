package dev.studybot.port;

import dev.studybot.core.model.Actor;
import dev.studybot.core.model.ChannelRef;
import java.util.Objects;

/** A parsed request: who asked, where, and what. Every platform ends in one of these. */
public record Command(ChannelRef channel, Actor actor, Action action) {
    public Command {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
    }
}
