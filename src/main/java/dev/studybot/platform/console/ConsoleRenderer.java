package dev.studybot.platform.console;

import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.domain.Reply;

/** Replies as plain terminal text; a reply for one user only is marked with their name. */
final class ConsoleRenderer {
    private final MarkupRenderer text = new MarkupRenderer(Markup.PLAIN);

    String render(Reply reply, boolean ephemeral, String user) {
        String body = text.render(reply);
        return ephemeral ? "[only " + user + " sees this] " + body : body;
    }

    String post(String where, Reply reply) {
        return "[" + where + "] " + text.render(reply);
    }
}
