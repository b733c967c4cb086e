package dev.studybot.app;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Post;
import dev.studybot.port.out.PostStore;
import dev.studybot.port.out.SubmissionStore;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Streaks count a channel's consecutive posts a member answered: by the channel's own schedule,
 * never by calendar days, so weekends off or a weekly schedule break nothing.
 */
final class Streaks {
    private static final int LOOKBACK = 400;

    private final PostStore posts;
    private final SubmissionStore submissions;

    Streaks(PostStore posts, SubmissionStore submissions) {
        this.posts = posts;
        this.submissions = submissions;
    }

    /** The streak that answering {@code post} makes: it and the run of answered posts just before it. */
    int endingAt(Post post, String user) {
        List<Long> recent = posts.recent(post.channel(), LOOKBACK);
        int start = recent.indexOf(post.id());
        return start < 0 ? 1 : 1 + run(recent.subList(start + 1, recent.size()), user, Optional.empty());
    }

    /** The member's current streak in the channel; today's open post does not break it while still open. */
    int current(ChannelRef channel, String user) {
        return run(posts.recent(channel, LOOKBACK), user, posts.open(channel).map(Post::id));
    }

    private int run(List<Long> newestFirst, String user, Optional<Long> skippable) {
        Set<Long> answered = new HashSet<>(submissions.answered(user, newestFirst));
        int streak = 0;
        for (Long id : newestFirst) {
            if (answered.contains(id)) {
                streak++;
            } else if (!(streak == 0 && skippable.map(id::equals).orElse(false))) {
                break;
            }
        }
        return streak;
    }
}
