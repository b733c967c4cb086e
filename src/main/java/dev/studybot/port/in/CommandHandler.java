package dev.studybot.port.in;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Actor;

/**
 * The core's inbound port for commands: every adapter hands its commands here and renders the
 * response. The core turns every failure into a reply, so {@link #handle} does not throw.
 */
public interface CommandHandler {

    /** How to acknowledge {@code command} before its reply is ready; cheap, touches no store. */
    Acknowledgement acknowledgement(Command command);

    /** The reply, with the visibility {@link #acknowledgement} promised (the asker's for a form that could not open). */
    Response handle(Command command);

    /**
     * A command typed as text (Slack, the console): parsed by the core's one parser, then handled;
     * a syntax error is the asker's reply.
     */
    Response handleText(ChannelRef channel, Actor actor, String text);
}
