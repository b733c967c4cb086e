package dev.studybot.port.out;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Schedule;
import java.util.List;
import java.util.Optional;

/** Channels' daily-post settings; the scheduler's triggers are derived from these. */
public interface ScheduleStore {
    void save(Schedule schedule);

    Optional<Schedule> find(ChannelRef channel);

    boolean delete(ChannelRef channel);

    List<Schedule> all();
}
