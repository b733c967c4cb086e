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

    /** Points and answers, and per topic the answers and the share of key points covered. */
    record MemberTotals(long points, long answers, List<TopicAccuracy> topics) {
    }

    record TopicAccuracy(String topic, long answers, double coverage) {
    }
}
