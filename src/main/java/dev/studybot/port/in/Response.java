package dev.studybot.port.in;

import dev.studybot.domain.Reply;
import java.util.Objects;

/** What to say back to a command, and whether only the asker should see it. */
public record Response(Reply reply, boolean ephemeral) {
    public Response {
        Objects.requireNonNull(reply, "reply");
    }

    public static Response toChannel(Reply reply) {
        return new Response(reply, false);
    }

    public static Response toAsker(Reply reply) {
        return new Response(reply, true);
    }
}
