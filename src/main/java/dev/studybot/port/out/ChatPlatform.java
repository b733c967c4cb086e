package dev.studybot.port.out;

import dev.studybot.port.in.CommandHandler;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.Reply;
import java.util.Optional;

/**
 * A chat service as the core sees it: somewhere to post replies the core did not get as an
 * answer to a command (the daily post, results at close, notices to admins). Replies to commands
 * go back through {@link CommandHandler}'s return value, so the adapter can use the platform's
 * ephemeral and deferred replies.
 */
public interface ChatPlatform {

    /** The adapter's name, as in {@link ChannelRef#platform()}. */
    String name();

    /**
     * Whether this node can post to the platform now: false while connecting, or while another
     * node holds the platform's connection. Posts wait in the queue for a node that can.
     */
    default boolean ready() {
        return true;
    }

    /**
     * Posts a reply in a channel, or in the thread of an earlier post. A {@link Reply.QuestionCard}
     * posted to a channel opens a discussion thread, returned in {@link PostedMessage#threadRef()}.
     *
     * @throws DeliveryException when the platform refuses or cannot be reached
     */
    PostedMessage post(ChannelRef channel, Optional<PostedMessage> inThreadOf, Reply reply) throws DeliveryException;

    /**
     * Tells one member of a workspace something directly (a direct message), such as why their
     * channel's schedule paused when the channel itself cannot be posted to.
     *
     * @throws DeliveryException when the platform refuses or cannot be reached
     */
    void tell(WorkspaceRef workspace, String userId, Reply reply) throws DeliveryException;
}
