package dev.studybot.app;

import dev.studybot.domain.Reply;
import dev.studybot.domain.Reviewer;
import dev.studybot.port.in.ReviewReminderUseCase;
import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.ReviewerStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The opt-in daily review reminder: at most one direct message a member a day, at or after their
 * chosen local time, never in quiet hours (22:00 to 08:00 local), only when reviews are due. The
 * count it names is capped at {@link #CAP} ("more than 20"), and one run sends at most
 * {@link #PER_RUN} messages, leaving the rest to the next run, to stay within platform rate limits.
 */
public final class Reminders implements ReviewReminderUseCase {
    private static final Logger LOG = System.getLogger(Reminders.class.getName());
    static final int CAP = 20;
    static final int PER_RUN = 200;

    private final Clock clock;
    private final Settings settings;
    private final ReviewerStore reviewers;
    private final Memories memories;
    private final Platforms platforms;

    public Reminders(Clock clock, Settings settings, ReviewerStore reviewers, Memories memories, Platforms platforms) {
        this.clock = clock;
        this.settings = settings;
        this.reviewers = reviewers;
        this.memories = memories;
        this.platforms = platforms;
    }

    @Override
    public int remindDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (Reviewer r : reviewers.withReminders()) {
            if (sent >= PER_RUN) {
                break;
            }
            ZonedDateTime local = now.atZone(r.zone().orElse(settings.zone()));
            LocalDate today = local.toLocalDate();
            LocalTime time = local.toLocalTime();
            if (r.remindedOn().equals(Optional.of(today)) || time.isBefore(r.remindAt().orElseThrow()) || Reviews.quiet(time)) {
                continue;
            }
            int due = memories.due(memories.of(r.workspace(), r.userId()), now).size();
            Optional<ChatPlatform> platform = platforms.get(r.workspace().platform());
            if (due == 0 || platform.isEmpty() || !reviewers.claimReminder(r.workspace(), r.userId(), today)) {
                continue;
            }
            try {
                platform.get().tell(r.workspace(), r.userId(), new Reply.ReviewReminder(Math.min(due, CAP), due > CAP));
                sent++;
            } catch (DeliveryException e) {
                if (!e.permanent()) {
                    // a passing failure: a later run today may still send it
                    reviewers.releaseReminder(r.workspace(), r.userId(), today);
                }
                LOG.log(Level.WARNING, "Review reminder to {0} in {1} not delivered: {2}", r.userId(), r.workspace().key(), e.getMessage());
            }
        }
        return sent;
    }
}
