package dev.studybot.app;

import dev.studybot.domain.Post;
import dev.studybot.port.out.PostStore;
import java.time.Clock;

/**
 * Whether a post is closed: closed by the job or the next post, or past the close time it was
 * given (with {@code schedule.close-after}) even if the close job has not run yet. Answers, reveals
 * and the history decide by this one rule.
 */
final class Closing {
    private final Clock clock;
    private final Settings settings;
    private final PostStore posts;

    Closing(Clock clock, Settings settings, PostStore posts) {
        this.clock = clock;
        this.settings = settings;
        this.posts = posts;
    }

    boolean closed(Post post) {
        if (!post.isOpen()) {
            return true;
        }
        if (settings.closeAfter().isEmpty()) {
            return false;
        }
        return posts.dueToClose(clock.instant()).stream().anyMatch(p -> p.id() == post.id());
    }
}
