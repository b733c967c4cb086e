package dev.studybot.schedule;

import dev.studybot.port.out.PostScheduler.InvalidScheduleException;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** Quartz cron expressions: when one fires next, or what is wrong with it. */
public final class Crons {
    /** A time as members read it: in the schedule's zone, to the minute. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.ENGLISH);

    private Crons() {
    }

    /** The first time {@code cron} fires after {@code after} in {@code zone}. */
    public static Instant nextFire(String cron, ZoneId zone, Instant after) throws InvalidScheduleException {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new InvalidScheduleException("'" + cron + "' is not a valid cron expression: " + e.getMessage()
                    + ". Quartz cron has six or seven fields: seconds minutes hours day-of-month month day-of-week [year], "
                    + "e.g. '0 30 9 ? * MON-FRI'.");
        }
        expression.setTimeZone(TimeZone.getTimeZone(zone));
        Date next = expression.getNextValidTimeAfter(Date.from(after));
        if (next == null) {
            throw new InvalidScheduleException("'" + cron + "' never fires after " + WHEN.format(after.atZone(zone))
                    + " (check the day of month, month and year).");
        }
        return next.toInstant();
    }
}
