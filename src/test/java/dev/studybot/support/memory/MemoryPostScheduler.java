package dev.studybot.support.memory;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Schedule;
import dev.studybot.port.out.PostScheduler;
import dev.studybot.schedule.Crons;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.CronExpression;

/**
 * Stands for {@code QuartzPostScheduler} without firing anything: each channel's trigger is its
 * schedule in a map, checked with Quartz's own {@link CronExpression}. A channel's next fire is the
 * first after the clock's now; tests fire a slot by calling the daily-post use case themselves.
 */
public final class MemoryPostScheduler implements PostScheduler {
    private final Clock clock;
    private final Map<ChannelRef, Schedule> triggers = new ConcurrentHashMap<>();

    public MemoryPostScheduler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant nextFire(String cron, ZoneId zone, Instant after) throws InvalidScheduleException {
        return Crons.nextFire(cron, zone, after);
    }

    @Override
    public void apply(Schedule schedule) {
        if (!CronExpression.isValidExpression(schedule.cron())) {
            // as Quartz's cron builder refuses it
            throw new IllegalStateException("could not schedule " + schedule.channel().key() + ": invalid cron " + schedule.cron());
        }
        triggers.put(schedule.channel(), schedule);
    }

    @Override
    public void remove(ChannelRef channel) {
        triggers.remove(channel);
    }

    @Override
    public Optional<Instant> next(ChannelRef channel) {
        Schedule schedule = triggers.get(channel);
        if (schedule == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(nextFire(schedule.cron(), schedule.zone(), clock.instant()));
        } catch (InvalidScheduleException e) {
            // a trigger that will never fire again has no next time
            return Optional.empty();
        }
    }

    /** The channels' triggers as they stand. */
    public Map<ChannelRef, Schedule> triggers() {
        return Map.copyOf(triggers);
    }
}
