package dev.studybot.support.memory;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Schedule;
import dev.studybot.port.out.ScheduleStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Stands for {@code SqlScheduleStore}: one schedule per channel, replaced on save, listed by workspace and channel. */
public final class MemoryScheduleStore implements ScheduleStore {
    private static final Comparator<ChannelRef> ORDER = Comparator
            .comparing((ChannelRef c) -> c.workspaceRef().key(), Columns.BINARY)
            .thenComparing(ChannelRef::channel, Columns.BINARY);

    private final Map<ChannelRef, Schedule> schedules = new TreeMap<>(ORDER);

    @Override
    public synchronized void save(Schedule schedule) {
        schedules.put(schedule.channel(), schedule);
    }

    @Override
    public synchronized Optional<Schedule> find(ChannelRef channel) {
        return Optional.ofNullable(schedules.get(channel));
    }

    @Override
    public synchronized boolean delete(ChannelRef channel) {
        return schedules.remove(channel) != null;
    }

    @Override
    public synchronized List<Schedule> all() {
        return List.copyOf(schedules.values());
    }
}
