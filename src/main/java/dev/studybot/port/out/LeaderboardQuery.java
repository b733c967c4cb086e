package dev.studybot.port.out;

import dev.studybot.domain.Standing;
import dev.studybot.domain.WorkspaceRef;
import java.time.Instant;
import java.util.List;

/** Points summed over a window, per member or per team, best first. */
public interface LeaderboardQuery {
    List<Standing> members(WorkspaceRef workspace, Instant from, Instant to, int limit);

    List<Standing> teams(WorkspaceRef workspace, Instant from, Instant to, int limit);

    /** A member's totals and per-topic coverage over all time. */
    MemberTotals totals(WorkspaceRef workspace, String userId);

    /** Every scored row of a member since {@code from}, oldest first: when it was scored, its points, whether it was an answer. */
    List<Scored> history(WorkspaceRef workspace, String userId, Instant from);

    /** One scored row of a member's history. */
    record Scored(Instant at, long points, boolean answered) {
    }

    /** Points and answers, and per topic the answers and the share of key points covered. */
    record MemberTotals(long points, long answers, List<TopicAccuracy> topics) {
    }

    record TopicAccuracy(String topic, long answers, double coverage) {
    }
}
