package dev.studybot.platform.console;

import java.io.IOException;
import java.nio.file.Path;
import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.domain.Reply;

/** Replies as plain terminal text, a picture as a file it names; a reply for one user only is marked with their name. */
final class ConsoleRenderer {
    private final MarkupRenderer text = new MarkupRenderer(Markup.PLAIN);
    private final ConsolePictures pictures;
    private final Path exports;

    ConsoleRenderer(ConsolePictures pictures, Path exports) {
        this.pictures = pictures;
        this.exports = exports;
    }

    String render(Reply reply, boolean ephemeral, String user) {
        String body = text.render(reply) + picture(reply) + file(reply);
        return ephemeral ? "[only " + user + " sees this] " + body : body;
    }

    String post(String where, Reply reply) {
        return "[" + where + "] " + text.render(reply) + picture(reply);
    }

    /** An exported deck is written into the exports folder beside the charts; the reply names the file on a line of its own. */
    private String file(Reply reply) {
        if (!(reply instanceof Reply.DeckFile deck)) {
            return "";
        }
        try {
            return "\n[file " + ConsoleFiles.write(exports, deck.file().fileName(), deck.file().content()) + "]";
        } catch (IOException | RuntimeException e) {
            return "\n[file not written to " + exports.resolve(deck.file().fileName()).toAbsolutePath() + ": " + e.getMessage() + "]";
        }
    }

    /** A picture is written to a file; the reply names it on a line of its own. */
    private String picture(Reply reply) {
        return reply.picture().map(p -> "\n" + pictures.write(p)).orElse("");
    }
}
