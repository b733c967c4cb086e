package dev.studybot.schedule;

import dev.studybot.port.in.DailyPostUseCase;
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

/** A channel's daily post: works out the slot and hands it to the core; retries when told to. */
@DisallowConcurrentExecution
public final class PostJob implements Job {
    static final String PLATFORM = "platform";
    static final String WORKSPACE = "workspace";
    static final String CHANNEL = "channel";
    static final String SLOT = "slot";
    private static final Logger LOG = LoggerFactory.getLogger(PostJob.class);

    private final DailyPostUseCase dailyPosts;
    private final Duration grace;
    private final Retries retries;

    /** Schedules another attempt at a slot. */
    interface Retries {
        void retry(ChannelRef channel, Instant slot);
    }

    PostJob(DailyPostUseCase dailyPosts, Duration grace, Retries retries) {
        this.dailyPosts = dailyPosts;
        this.grace = grace;
        this.retries = retries;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        ChannelRef channel = new ChannelRef(data.getString(PLATFORM), data.getString(WORKSPACE), data.getString(CHANNEL));
        Instant firedAt = context.getFireTime().toInstant();
        Optional<Instant> found = data.containsKey(SLOT) ? Optional.of(Instant.ofEpochMilli(data.getLong(SLOT))) : slot(context, firedAt);
        if (found.isEmpty()) {
            LOG.warn("Skipping the post of {}: its last slot is more than {} before {}", channel.key(), grace, firedAt);
            return;
        }
        Instant slot = found.get();
        DailyPostUseCase.Outcome outcome = dailyPosts.postScheduled(channel, slot);
        LOG.info("Daily post for {} at slot {}: {}", channel.key(), slot, outcome);
        if (outcome.retry()) {
            retries.retry(channel, slot);
        }
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
