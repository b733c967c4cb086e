package dev.studybot.schedule;

import dev.studybot.port.in.DailyPostUseCase;
import dev.studybot.port.in.DuePosts;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Schedule;
import dev.studybot.port.out.PostScheduler;
import java.sql.Connection;
import java.sql.SQLException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedules as Quartz cron triggers in a JDBC job store, in the same database as everything
 * else: a restart keeps every trigger, and a trigger missed while the bot was down fires once
 * when it comes back (Quartz's smart misfire policy); the job then posts for the missed slot if
 * it is within the grace period.
 */
public final class QuartzPostScheduler implements PostScheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QuartzPostScheduler.class);
    private static final String DAILY = "daily-post";
    private static final JobKey CLOSE = JobKey.jobKey("close-due", "studybot");

    private final Scheduler scheduler;
    private final SchedulerSettings settings;
    private final Clock clock;

    public QuartzPostScheduler(DataSource dataSource, SchedulerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        String dataSourceName = "studybot-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PoolProvider(dataSource));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", settings.instanceName());
        p.setProperty("org.quartz.scheduler.instanceId", settings.clustered() ? "AUTO" : "studybot");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // a post job only queues its slot, so a few threads take a minute's thousands of triggers in seconds
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "50");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // thousands of triggers late at once (a node that was down at 09:00) are recovered 200 at a time, not 20
        p.setProperty("org.quartz.jobStore.maxMisfiresToHandleAtATime", "200");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "studybot-schedule");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", settings.delegateClass());
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(settings.clustered()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(settings.misfireThreshold().toMillis()));
        if (!settings.clustered()) {
            p.setProperty("org.quartz.jobStore.lockHandler.class", "org.quartz.impl.jdbcjobstore.UpdateLockRowSemaphore");
        }
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(p);
            this.scheduler = factory.getScheduler();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz did not start: " + e.getMessage(), e);
        }
    }

    /** Starts firing: due slots go to {@code duePosts}; close-at-time runs on {@code dailyPosts} when configured. */
    public void start(DuePosts duePosts, DailyPostUseCase dailyPosts, boolean closeJob) {
        PostJob postJob = new PostJob(duePosts, settings.grace());
        CloseJob close = new CloseJob(dailyPosts);
        JobFactory factory = (bundle, s) -> {
            Class<? extends Job> type = bundle.getJobDetail().getJobClass();
            if (type == PostJob.class) {
                return postJob;
            }
            if (type == CloseJob.class) {
                return close;
            }
            Periodic p = periodic.get(bundle.getJobDetail().getKey());
            if (p != null && p.job().getClass() == type) {
                return p.job();
            }
            throw new SchedulerException("unknown job " + type.getName());
        };
        try {
            scheduler.setJobFactory(factory);
            if (closeJob) {
                scheduler.scheduleJob(JobBuilder.newJob(CloseJob.class).withIdentity(CLOSE).build(),
                        java.util.Set.of(TriggerBuilder.newTrigger().withIdentity(CLOSE.getName(), CLOSE.getGroup())
                                .withSchedule(CronScheduleBuilder.cronSchedule("0 * * * * ?")).build()), true);
            } else {
                scheduler.deleteJob(CLOSE);
            }
            for (var e : periodic.entrySet()) {
                JobKey key = e.getKey();
                scheduler.scheduleJob(JobBuilder.newJob(e.getValue().job().getClass()).withIdentity(key).storeDurably().build(),
                        java.util.Set.of(TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup())
                                .withSchedule(CronScheduleBuilder.cronSchedule(e.getValue().cron())).build()), true);
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz did not start: " + e.getMessage(), e);
        }
    }

    // ---- periodic jobs beside the posts (the review reminders): added before start, run on their own cron

    private record Periodic(String cron, Job job) {
    }

    private final java.util.Map<JobKey, Periodic> periodic = new java.util.concurrent.ConcurrentHashMap<>();

    /** A job that runs on {@code cron} (in UTC) from {@link #start} on, under {@code name}; call before start. */
    public void every(String name, String cron, Job job) {
        periodic.put(JobKey.jobKey(name, "studybot"), new Periodic(cron, job));
    }

    /** Runs a periodic job now, through Quartz as its trigger would: how tests fire one without waiting for the wall clock. */
    public void fireNow(String name) {
        try {
            scheduler.triggerJob(JobKey.jobKey(name, "studybot"));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not fire " + name + ": " + e.getMessage(), e);
        }
    }

    // ---- end of periodic jobs

    @Override
    public Instant nextFire(String cron, ZoneId zone, Instant after) throws InvalidScheduleException {
        return Crons.nextFire(cron, zone, after);
    }

    @Override
    public void apply(Schedule schedule) {
        ChannelRef channel = schedule.channel();
        JobDetail job = JobBuilder.newJob(PostJob.class)
                .withIdentity(channel.key(), DAILY)
                .usingJobData(PostJob.PLATFORM, channel.platform())
                .usingJobData(PostJob.WORKSPACE, channel.workspace())
                .usingJobData(PostJob.CHANNEL, channel.channel())
                // a node that dies while the job runs: another node of the cluster runs it again
                .requestRecovery()
                .storeDurably()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(channel.key(), DAILY)
                .forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
                        .inTimeZone(TimeZone.getTimeZone(schedule.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule " + channel.key() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(ChannelRef channel) {
        try {
            scheduler.deleteJob(JobKey.jobKey(channel.key(), DAILY));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not unschedule " + channel.key() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Instant> next(ChannelRef channel) {
        try {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(channel.key(), DAILY));
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            LOG.warn("Could not read the trigger of {}: {}", channel.key(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Runs a channel's post job now for {@code slot}, through Quartz as its trigger would (the slot
     * goes to the post queue, retries included): what an operator does to re-run a day's post, and how tests fire a schedule without
     * waiting for the wall clock.
     */
    public void fire(ChannelRef channel, Instant slot) {
        JobDataMap data = new JobDataMap();
        data.put(PostJob.SLOT, slot.toEpochMilli());
        try {
            scheduler.triggerJob(JobKey.jobKey(channel.key(), DAILY), data);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not fire the post of " + channel.key() + ": " + e.getMessage(), e);
        }
    }

    /** Stops firing; with {@code waitForJobs}, lets a running post finish first. */
    public void shutdown(boolean waitForJobs) {
        try {
            scheduler.shutdown(waitForJobs);
        } catch (SchedulerException e) {
            LOG.warn("Quartz did not shut down cleanly: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        shutdown(true);
    }

    /** Hands Quartz connections from the application's pool. */
    private record PoolProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the application and closes with it
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }

}
