package dev.studybot.port.in;

import dev.studybot.domain.Reply;
import java.util.Objects;

/** What to say back to a command, and who sees it. */
public record Response(Reply reply, Visibility visibility) {
    public Response {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(visibility, "visibility");
    }

    public static Response toChannel(Reply reply) {
        return new Response(reply, Visibility.CHANNEL);
    }

    public static Response toAsker(Reply reply) {
        return new Response(reply, Visibility.ASKER);
    }

    /** Only the asker sees it (Discord's and Slack's ephemeral replies). */
    public boolean ephemeral() {
        return visibility == Visibility.ASKER;
    }
}
