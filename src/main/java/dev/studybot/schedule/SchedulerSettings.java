package dev.studybot.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * How Quartz runs: {@code instanceName} is shared by every node on one database, {@code clustered}
 * for several nodes on PostgreSQL, {@code retryDelay} between attempts of a post the platform could
 * not take, {@code misfireThreshold} how late a trigger may fire before it counts as missed.
 */
public record SchedulerSettings(String instanceName, boolean clustered, Duration retryDelay, Duration misfireThreshold,
                                Duration grace, String delegateClass) {
    public SchedulerSettings {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(misfireThreshold, "misfireThreshold");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(delegateClass, "delegateClass");
    }

    /** Several nodes on one PostgreSQL database: Quartz's cluster decides which node fires each post. */
    public static SchedulerSettings postgres(Duration grace) {
        return new SchedulerSettings("studybot", true, Duration.ofMinutes(1), Duration.ofSeconds(60), grace,
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    }

    public static SchedulerSettings sqlite(Duration grace) {
        return new SchedulerSettings("studybot", false, Duration.ofMinutes(1), Duration.ofSeconds(60), grace,
                SqliteDelegate.class.getName());
    }
}
