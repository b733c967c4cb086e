package dev.studybot.schedule;

import dev.studybot.port.in.ReviewReminderUseCase;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every few minutes, asks the core for the review reminders whose time has come; the core sends each at most once a day. */
@DisallowConcurrentExecution
public final class ReviewReminderJob implements Job {
    public static final String NAME = "review-reminders";
    /** Every five minutes: a reminder goes out within five minutes of the member's chosen time. */
    public static final String CRON = "0 0/5 * * * ?";
    private static final Logger LOG = LoggerFactory.getLogger(ReviewReminderJob.class);

    private final ReviewReminderUseCase reminders;

    public ReviewReminderJob(ReviewReminderUseCase reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int sent = reminders.remindDue();
        if (sent > 0) {
            LOG.info("Sent {} review reminders", sent);
        }
    }
}
