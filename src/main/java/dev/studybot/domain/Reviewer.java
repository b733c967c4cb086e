package dev.studybot.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's review settings in a workspace: whether reviews are on, the local time of the daily
 * reminder (none: no reminder) in {@code zone} (none: the configured zone), the local day the last
 * reminder went out, and the question of the review the member was last given and has not answered.
 */
public record Reviewer(WorkspaceRef workspace, String userId, boolean on, Optional<LocalTime> remindAt, Optional<ZoneId> zone,
                       Optional<LocalDate> remindedOn, Optional<String> openQuestion) {
    public Reviewer {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(remindAt, "remindAt");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(remindedOn, "remindedOn");
        Objects.requireNonNull(openQuestion, "openQuestion");
    }

    /** A member who never changed a setting: reviews on, no reminder. */
    public static Reviewer of(WorkspaceRef workspace, String userId) {
        return new Reviewer(workspace, userId, true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Reviewer withOn(boolean on) {
        return new Reviewer(workspace, userId, on, remindAt, zone, remindedOn, openQuestion);
    }

    public Reviewer withReminder(Optional<LocalTime> remindAt, Optional<ZoneId> zone) {
        return new Reviewer(workspace, userId, on, remindAt, zone, remindedOn, openQuestion);
    }

    public Reviewer withOpenQuestion(Optional<String> questionId) {
        return new Reviewer(workspace, userId, on, remindAt, zone, remindedOn, questionId);
    }
}
