package dev.studybot.port.out;

import dev.studybot.domain.Reviewer;
import dev.studybot.domain.WorkspaceRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Members' review settings, one row per member and workspace; a member without a row has the defaults of {@link Reviewer#of}. */
public interface ReviewerStore {
    Optional<Reviewer> find(WorkspaceRef workspace, String userId);

    /** Inserts or replaces the member's settings, except the day of the last reminder, which only {@link #claimReminder} sets. */
    void save(Reviewer reviewer);

    /** Members with reviews on and a reminder time, in every workspace, by workspace and member id. */
    List<Reviewer> withReminders();

    /**
     * Records that the member's reminder for {@code day} goes out, unless one already did for that
     * day: true when this call recorded it, so two nodes never both send it.
     */
    boolean claimReminder(WorkspaceRef workspace, String userId, LocalDate day);

    /** Forgets the reminder of {@code day} again (it could not be delivered), so a later run may send it. */
    void releaseReminder(WorkspaceRef workspace, String userId, LocalDate day);
}
