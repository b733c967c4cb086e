package dev.studybot.port.out;

import dev.studybot.domain.Submission;
import dev.studybot.domain.WorkspaceRef;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Members' answers and reveals, one row per member and post; the last answer counts. */
public interface SubmissionStore {
    Optional<Submission> find(long postId, String userId);

    /** Inserts or replaces the member's row for the post. */
    void save(WorkspaceRef workspace, String topic, Submission submission);

    List<Submission> forPost(long postId);

    /** Of these posts, the ones the member answered. */
    Set<Long> answered(String userId, Collection<Long> postIds);
}
