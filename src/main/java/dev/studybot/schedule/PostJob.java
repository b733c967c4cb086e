package dev.studybot.schedule;

import dev.studybot.port.in.DuePosts;
import dev.studybot.domain.ChannelRef;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.quartz.CronExpression;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel's daily post: works out the slot and hands it to the senders, which queue it and
 * return at once, so a minute with thousands of channels due never holds Quartz's threads on a
 * platform (retries happen in the queue too).
 */
@DisallowConcurrentExecution
public final class PostJob implements Job {
    static final String PLATFORM = "platform";
    static final String WORKSPACE = "workspace";
    static final String CHANNEL = "channel";
    static final String SLOT = "slot";
    private static final Logger LOG = LoggerFactory.getLogger(PostJob.class);

    private final DuePosts duePosts;
    private final Duration grace;

    PostJob(DuePosts duePosts, Duration grace) {
        this.duePosts = duePosts;
        this.grace = grace;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        ChannelRef channel = new ChannelRef(data.getString(PLATFORM), data.getString(WORKSPACE), data.getString(CHANNEL));
        Instant firedAt = context.getFireTime().toInstant();
        Optional<Instant> found = data.containsKey(SLOT) ? Optional.of(Instant.ofEpochMilli(data.getLong(SLOT)))
                : context.isRecovering() ? recovered(data) : slot(context, firedAt);
        if (found.isEmpty()) {
            LOG.warn("Skipping the post of {}: its last slot is more than {} before {}", channel.key(), grace, firedAt);
            return;
        }
        Instant slot = found.get();
        duePosts.due(channel, slot);
        LOG.debug("Daily post for {} at slot {} queued", channel.key(), slot);
    }

    /** A job that was running on a node that died, run again by another: the slot its trigger fired for. */
    private static Optional<Instant> recovered(JobDataMap data) {
        String original = data.getString(org.quartz.Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
        return original == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(original)));
    }

    /** The cron slot this firing stands for; empty when the last one is older than the grace period. */
    private Optional<Instant> slot(JobExecutionContext context, Instant firedAt) {
        if (context.getTrigger() instanceof CronTrigger trigger) {
            try {
                CronExpression cron = new CronExpression(trigger.getCronExpression());
                cron.setTimeZone(trigger.getTimeZone());
                return Slots.lastSlot(cron, firedAt, grace);
            } catch (ParseException e) {
                LOG.warn("Trigger {} has a cron expression Quartz cannot read back: {}", trigger.getKey(), e.getMessage());
            }
        }
        return Optional.of(context.getScheduledFireTime().toInstant());
    }
}
