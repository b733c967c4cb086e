package dev.studybot.schedule;

import dev.studybot.port.in.DailyPostUseCase;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Closes posts whose configured close time has come. */
@DisallowConcurrentExecution
public final class CloseJob implements Job {
    private final DailyPostUseCase dailyPosts;

    CloseJob(DailyPostUseCase dailyPosts) {
        this.dailyPosts = dailyPosts;
    }

    @Override
    public void execute(JobExecutionContext context) {
        dailyPosts.closeDue();
    }
}
