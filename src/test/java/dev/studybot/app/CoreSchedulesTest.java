package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Schedule;
import dev.studybot.domain.SearchHit;
import dev.studybot.port.in.DailyPostUseCase.Outcome;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.support.MutableClock;
import dev.studybot.support.memory.MemoryCore;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Schedules over the in-memory scheduler: set, show, off, pausing on a refusal; and search over the in-memory index. */
class CoreSchedulesTest {
    private static final ChannelRef STUDY = MemoryCore.channel("study");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-16T07:30:00Z"));
    private final MemoryCore core = new MemoryCore(clock);

    @Test
    void aScheduleSetsTheChannelsTriggerInItsZoneAndOffRemovesIt() {
        Reply.ScheduleInfo set = (Reply.ScheduleInfo) core.sayAsAdmin("ada", "study", "/study schedule set daily 09:00 Europe/Berlin").reply();
        assertThat(set.schedule()).hasValueSatisfying(s -> assertThat(s.setBy()).contains("ada"));
        assertThat(set.nextPost()).as("09:00 in Berlin is 08:00 UTC in November").contains(Instant.parse("2026-11-16T08:00:00Z"));
        assertThat(core.scheduler().triggers()).containsOnlyKeys(STUDY);
        assertThat(((Reply.ScheduleInfo) core.say("x", "study", "/study schedule show").reply()).nextPost())
                .contains(Instant.parse("2026-11-16T08:00:00Z"));

        assertThat(core.text(core.sayAsAdmin("ada", "study", "/study schedule off"))).contains("is off");
        assertThat(core.scheduler().triggers()).isEmpty();
        assertThat(core.say("x", "study", "/study schedule show").reply()).isEqualTo(new Reply.ScheduleInfo(Optional.empty(), Optional.empty()));
        assertThat(core.text(core.sayAsAdmin("ada", "study", "/study schedule off"))).contains("had no schedule");
    }

    @Test
    void aPermanentRefusalPausesTheScheduleTellsWhoSetItAndASecondSetResumes() {
        core.sayAsAdmin("ada", "study", "/study schedule set daily 09:00 UTC");
        Instant slot = Instant.parse("2026-11-16T09:00:00Z");
        clock.set(slot);
        core.platform().failWith(new DeliveryException(new DeliveryException.Refusal.NotInChannel(), "not_in_channel"));
        assertThat(core.dailyPosts().postScheduled(STUDY, slot)).isEqualTo(Outcome.PAUSED);
        assertThat(core.scheduler().triggers()).isEmpty();
        assertThat(core.platform().told()).singleElement().satisfies(t -> {
            assertThat(t.userId()).isEqualTo("ada");
            assertThat(t.text()).contains("paused");
        });
        Reply.ScheduleInfo shown = (Reply.ScheduleInfo) core.say("x", "study", "/study schedule show").reply();
        assertThat(shown.schedule()).hasValueSatisfying(s -> assertThat(s.paused()).isTrue());
        int refused = core.platform().refused();
        assertThat(core.dailyPosts().postScheduled(STUDY, slot)).isEqualTo(Outcome.PAUSED);
        assertThat(core.platform().refused()).as("a paused schedule does not try again").isEqualTo(refused);

        core.platform().failWith(null);
        core.sayAsAdmin("ada", "study", "/study schedule set daily 09:00 UTC");
        assertThat(core.scheduler().triggers().values()).extracting(Schedule::paused).containsExactly(false);
        assertThat(core.dailyPosts().postScheduled(STUDY, slot)).isEqualTo(Outcome.POSTED);
    }

    @Test
    void searchPutsQuestionsWithEveryWordFirstAndTakesQueryTextAsWords() {
        Reply.SearchResults both = (Reply.SearchResults) core.say("bob", "c", "/study search overfitting dropout").reply();
        assertThat(both.hits()).extracting(h -> h.question().id()).first().isEqualTo("reg-dropout");
        assertThat(both.hits()).extracting(h -> h.question().id()).as("any word, after every word").contains("reg-air-quality");
        assertThat(both.hits().get(0).snippet()).contains(SearchHit.MARK_START + "Dropout" + SearchHit.MARK_END);

        Reply.SearchResults syntax = (Reply.SearchResults) core.say("bob", "c", "/study search NEAR(chain rule) AND(").reply();
        assertThat(syntax.hits()).extracting(h -> h.question().id()).first().isEqualTo("fund-backprop");
        assertThat(core.say("bob", "c", "/study search " + "dropout ".repeat(30)).reply()).isInstanceOf(Reply.Error.class);
    }
}
