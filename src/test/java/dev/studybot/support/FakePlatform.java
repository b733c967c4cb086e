package dev.studybot.support;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.domain.Reply;
import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.PostedMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A chat platform that records what the core posts, and can be told to refuse. */
public final class FakePlatform implements ChatPlatform {
    /** A message the core posted. */
    public record Sent(ChannelRef channel, Optional<PostedMessage> inThreadOf, Reply reply, PostedMessage as) {
        public String text() {
            return new MarkupRenderer(Markup.PLAIN).render(reply);
        }
    }

    private final String name;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Told> told = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile DeliveryException failure;
    private final AtomicInteger refused = new AtomicInteger();

    public FakePlatform(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PostedMessage post(ChannelRef channel, Optional<PostedMessage> inThreadOf, Reply reply) throws DeliveryException {
        DeliveryException f = failure;
        if (f != null) {
            refused.incrementAndGet();
            throw f;
        }
        int id = ids.incrementAndGet();
        PostedMessage as = new PostedMessage("msg-" + id,
                inThreadOf.isEmpty() && reply instanceof Reply.QuestionCard ? Optional.of("thread-" + id) : Optional.empty());
        sent.add(new Sent(channel, inThreadOf, reply, as));
        return as;
    }

    @Override
    public void tell(WorkspaceRef workspace, String userId, Reply reply) {
        told.add(new Told(workspace, userId, reply));
    }

    /** A direct message to one member. */
    public record Told(WorkspaceRef workspace, String userId, Reply reply) {
        public String text() {
            return new MarkupRenderer(Markup.PLAIN).render(reply);
        }
    }

    /** How many posts were refused by {@link #failWith}. */
    public int refused() {
        return refused.get();
    }

    public List<Told> told() {
        return List.copyOf(told);
    }

    /** From now on every post fails like this; null to accept again. */
    public void failWith(DeliveryException failure) {
        this.failure = failure;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Reply.QuestionCard> dailyPosts() {
        return sent.stream().map(Sent::reply).filter(r -> r instanceof Reply.QuestionCard c && c.daily())
                .map(Reply.QuestionCard.class::cast).toList();
    }

    public List<Sent> results() {
        return sent.stream().filter(s -> s.reply() instanceof Reply.Results).toList();
    }
}
