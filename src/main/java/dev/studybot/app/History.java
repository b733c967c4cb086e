package dev.studybot.app;

import dev.studybot.domain.Post;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Command;
import dev.studybot.port.out.PostStore;
import dev.studybot.port.out.QuestionBank;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /study history [n]}: the channel's closed posts, newest first, each with its question id
 * so that it can be shown or revealed (a closed post's model answer costs nothing). The question
 * open now is left out: revealing it would forfeit its points.
 */
public final class History {
    static final int DEFAULT = 10;
    static final int MAX = 25;

    private final Settings settings;
    private final Decks decks;
    private final PostStore posts;
    private final Closing closing;

    public History(Clock clock, Settings settings, Decks decks, PostStore posts) {
        this.settings = settings;
        this.decks = decks;
        this.posts = posts;
        this.closing = new Closing(clock, settings, posts);
    }

    /** Why a count cannot be used, before any store is asked. */
    static Optional<Reply.Error> problem(Optional<String> count) {
        return count.filter(c -> parse(c).isEmpty())
                .map(c -> new Reply.Error("/study history takes how many past questions to list, a number from 1 to " + MAX
                        + " (default " + DEFAULT + "), not '" + Texts.shorten(c, 20) + "'."));
    }

    public Reply list(Command command, Optional<String> count) {
        int wanted = count.flatMap(History::parse).orElse(DEFAULT);
        // one more than asked: the newest may be the open one, which is not listed
        List<Post> newest = posts.recent(command.channel(), wanted + 1).stream().map(posts::byId).flatMap(Optional::stream).toList();
        Optional<Post> open = newest.stream().filter(p -> !closing.closed(p)).findFirst();
        QuestionBank bank = decks.bank(command.channel().workspaceRef());
        List<Reply.History.HistoryLine> lines = new ArrayList<>();
        for (Post post : newest) {
            if (lines.size() == wanted) {
                break;
            }
            if (open.map(o -> o.id() == post.id()).orElse(false)) {
                continue;
            }
            boolean again = open.map(o -> o.questionId().equalsIgnoreCase(post.questionId())).orElse(false);
            lines.add(new Reply.History.HistoryLine(post.questionId(), bank.byId(post.questionId()).map(Question::text), post.postedAt(),
                    Optional.ofNullable(post.messageRef()).filter(m -> !m.isBlank()), again));
        }
        return new Reply.History(command.channel(), lines, open.isPresent(), settings.zone());
    }

    private static Optional<Integer> parse(String count) {
        String c = count.strip();
        if (!c.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(c);
        return n >= 1 && n <= MAX ? Optional.of(n) : Optional.empty();
    }
}
