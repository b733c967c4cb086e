package dev.studybot.app;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.in.Response;

/** Text commands (Slack, the console): parse, then hand to the core; a syntax error is the asker's reply. */
public final class CommandText {
    private final CommandParser parser = new CommandParser();
    private final CommandHandler handler;

    public CommandText(CommandHandler handler) {
        this.handler = handler;
    }

    public Response handle(ChannelRef channel, Actor actor, String text) {
        try {
            return handler.handle(new Command(channel, actor, parser.parse(text)));
        } catch (CommandSyntaxException e) {
            return Response.toAsker(new Reply.Error(e.getMessage()));
        }
    }
}
