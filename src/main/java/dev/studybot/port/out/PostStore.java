package dev.studybot.port.out;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Post;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Questions posted to channels. A channel has at most one post per schedule slot. */
public interface PostStore {

    /**
     * Records a post for a slot, before it is sent. Empty when that slot of that channel already
     * has a post: the guard that keeps a slot from being posted twice, across restarts and nodes.
     */
    Optional<Post> reserve(ChannelRef channel, String questionId, int cycle, Instant slot, Instant postedAt, Instant closesAt);

    /**
     * The reservation of a slot whose message was never attached: what a node leaves behind when it
     * stops between reserving and hearing back from the platform. The node that claims the slot next
     * sends it again under the same post id.
     */
    Optional<Post> unsent(ChannelRef channel, Instant slot);

    /** Undoes a reservation whose message the platform did not take. */
    void release(long postId);

    void attach(long postId, PostedMessage message);

    /** Closes an open post; false when it was closed already (by another node, job or command). */
    boolean close(long postId, Instant at);

    Optional<Post> byId(long postId);

    /** The channel's newest post that is still open. */
    Optional<Post> open(ChannelRef channel);

    /** The channel's newest post, open or closed. */
    Optional<Post> latest(ChannelRef channel);

    /** Open posts whose close time has come. */
    List<Post> dueToClose(Instant now);

    /** The channel's rotation cycle: 0 before its first post. */
    int currentCycle(ChannelRef channel);

    Set<String> questionsInCycle(ChannelRef channel, int cycle);

    /** The ids of the channel's newest posts, newest first. */
    List<Long> recent(ChannelRef channel, int limit);
}
