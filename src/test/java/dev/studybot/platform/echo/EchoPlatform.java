package dev.studybot.platform.echo;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.in.Response;
import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.PostedMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Text in, text out: what members say goes to the core as typed text, and every reply is kept as plain text. */
public final class EchoPlatform implements ChatPlatform {
    public static final String NAME = "echo";

    private final CommandHandler commands;
    private final MarkupRenderer words = new MarkupRenderer(Markup.PLAIN);
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean open = true;

    EchoPlatform(CommandHandler commands) {
        this.commands = commands;
    }

    /** A member says {@code text} in {@code channel}; the core's answer as text. */
    public String say(String channel, String user, boolean admin, String text) {
        // a platform may give an opaque address for the conversation; echo's is "ref:" and the channel
        ChannelRef where = new ChannelRef(NAME, "echo-space", channel, Optional.of("ref:" + channel));
        Response response = commands.handleText(where, new Actor(user, user, admin, java.util.Set.of()), text);
        return (response.ephemeral() ? "(to " + user + ") " : "") + words.render(response.reply());
    }

    /** What the core posted in channels and told members, oldest first. */
    public List<String> posted() {
        return List.copyOf(posted);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PostedMessage post(ChannelRef channel, Optional<PostedMessage> inThreadOf, Reply reply) throws DeliveryException {
        if (!open) {
            throw new DeliveryException(new DeliveryException.Refusal.Unavailable(), "echo is closed");
        }
        posted.add("#" + channel.channel() + " (" + channel.address().orElse("no address") + "): " + words.render(reply));
        int id = ids.incrementAndGet();
        return new PostedMessage("e" + id, inThreadOf.isEmpty() ? Optional.of("t" + id) : Optional.empty());
    }

    @Override
    public void tell(WorkspaceRef workspace, String userId, Reply reply) {
        posted.add("@" + userId + ": " + words.render(reply));
    }

    void close() {
        open = false;
    }
}
