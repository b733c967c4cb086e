package dev.studybot.port.out;

import dev.studybot.domain.WorkspaceRef;
import java.util.Optional;

/** Members seen in a workspace, with the display name they last had. */
public interface MemberStore {
    void remember(WorkspaceRef workspace, String userId, String displayName);

    Optional<String> displayName(WorkspaceRef workspace, String userId);

    /** A member's id by id or display name, case-insensitive. */
    Optional<String> find(WorkspaceRef workspace, String idOrName);
}
