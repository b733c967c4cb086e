package dev.studybot.schedule;

import dev.studybot.app.DailyPosts;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Closes posts whose configured close time has come. */
@DisallowConcurrentExecution
public final class CloseJob implements Job {
    private final DailyPosts dailyPosts;

    CloseJob(DailyPosts dailyPosts) {
        this.dailyPosts = dailyPosts;
    }

    @Override
    public void execute(JobExecutionContext context) {
        dailyPosts.closeDue();
    }
}
