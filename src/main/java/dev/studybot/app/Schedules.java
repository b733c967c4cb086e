package dev.studybot.app;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Level;
import dev.studybot.domain.Schedule;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Command;
import dev.studybot.port.out.PostScheduler;
import dev.studybot.port.out.ScheduleStore;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** A channel's daily post: set (checked before anything changes), show, off. */
public final class Schedules {
    private final Clock clock;
    private final Settings settings;
    private final ScheduleStore schedules;
    private final PostScheduler scheduler;
    private final Lookups lookups;
    private final WhenParser whenParser = new WhenParser();

    public Schedules(Clock clock, Settings settings, ScheduleStore schedules, PostScheduler scheduler, Lookups lookups) {
        this.clock = clock;
        this.settings = settings;
        this.schedules = schedules;
        this.scheduler = scheduler;
        this.lookups = lookups;
    }

    /** A schedule that passed every check: the cron, the zone and the topic it resolved to. */
    private record Checked(String cron, ZoneId zone, Optional<String> topic) {
    }

    /** Why {@code set} would refuse these values, found without the store; empty when they are fine. */
    public Optional<Reply.Error> problem(String when, Optional<String> timezone, Optional<String> topic) {
        try {
            check(when, timezone, topic);
            return Optional.empty();
        } catch (CommandSyntaxException e) {
            return Optional.of(new Reply.Error(e.getMessage()));
        }
    }

    private Checked check(String when, Optional<String> timezone, Optional<String> topic) throws CommandSyntaxException {
        ZoneId zone = settings.zone();
        if (timezone.isPresent()) {
            try {
                zone = ZoneId.of(timezone.get());
            } catch (DateTimeException e) {
                throw new CommandSyntaxException("Unknown timezone '" + Texts.shorten(timezone.get(), 40)
                        + "'. Use an IANA name such as Europe/Berlin, America/New_York or UTC.");
            }
        }
        Optional<String> resolvedTopic = Optional.empty();
        if (topic.isPresent()) {
            resolvedTopic = lookups.resolveTopic(topic.get());
            if (resolvedTopic.isEmpty()) {
                throw new CommandSyntaxException("No topic matches '" + Texts.shorten(topic.get(), 40) + "'. See /study topics.");
            }
        }
        String cron = whenParser.toCron(when);
        try {
            scheduler.nextFire(cron, zone, clock.instant());
        } catch (PostScheduler.InvalidScheduleException e) {
            throw new CommandSyntaxException(e.getMessage());
        }
        return new Checked(cron, zone, resolvedTopic);
    }

    public Reply set(Command command, String when, Optional<String> timezone, Optional<String> topic, Optional<Level> level) {
        Checked checked;
        try {
            checked = check(when, timezone, topic);
        } catch (CommandSyntaxException e) {
            return new Reply.Error(e.getMessage());
        }
        ChannelRef channel = command.channel();
        Schedule schedule = new Schedule(channel, when.strip(), checked.cron(), checked.zone(), checked.topic(), level,
                Optional.of(command.actor().userId()), Optional.empty());
        schedules.save(schedule);
        scheduler.apply(schedule);
        return new Reply.ScheduleInfo(Optional.of(schedule), scheduler.next(channel));
    }

    public Reply show(Command command) {
        Optional<Schedule> schedule = schedules.find(command.channel());
        return new Reply.ScheduleInfo(schedule, schedule.flatMap(s -> scheduler.next(s.channel())));
    }

    public Reply off(Command command) {
        boolean had = schedules.delete(command.channel());
        scheduler.remove(command.channel());
        return new Reply.Notice(had
                ? "The daily question in this channel is off. Points and history are kept."
                : "This channel had no schedule.");
    }
}
