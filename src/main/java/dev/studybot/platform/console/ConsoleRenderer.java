package dev.studybot.platform.console;

import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.domain.Reply;

/** Replies as plain terminal text, a picture as a file it names; a reply for one user only is marked with their name. */
final class ConsoleRenderer {
    private final MarkupRenderer text = new MarkupRenderer(Markup.PLAIN);
    private final ConsolePictures pictures;

    ConsoleRenderer(ConsolePictures pictures) {
        this.pictures = pictures;
    }

    String render(Reply reply, boolean ephemeral, String user) {
        String body = text.render(reply) + picture(reply);
        return ephemeral ? "[only " + user + " sees this] " + body : body;
    }

    String post(String where, Reply reply) {
        return "[" + where + "] " + text.render(reply) + picture(reply);
    }

    /** A picture is written to a file; the reply names it on a line of its own. */
    private String picture(Reply reply) {
        return reply.picture().map(p -> "\n" + pictures.write(p)).orElse("");
    }
}
