package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Actor;
import dev.studybot.domain.Level;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Schedule;
import dev.studybot.port.in.Acknowledgement;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.Response;
import dev.studybot.support.MutableClock;
import dev.studybot.support.memory.MemoryCore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What admins and members type, read leniently and refused specifically: zones, quoted topics, option order, near misses. */
class LenientInputTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T06:46:13.123456789Z"));
    private final MemoryCore core = new MemoryCore(clock);
    private final CommandParser parser = new CommandParser();

    private Response set(String args) {
        return core.sayAsAdmin("ada", "study", "/study schedule set " + args);
    }

    private Schedule schedule(String args) {
        Reply reply = set(args).reply();
        assertThat(reply).as(core.text(set(args))).isInstanceOf(Reply.ScheduleInfo.class);
        return ((Reply.ScheduleInfo) reply).schedule().orElseThrow();
    }

    private String error(String args) {
        Response response = set(args);
        assertThat(response.reply()).as(core.text(response)).isInstanceOf(Reply.Error.class);
        return core.text(response);
    }

    @Test
    void zoneNamesAreReadWhateverTheirCase() {
        assertThat(schedule("daily 09:00 europe/berlin").zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(schedule("weekdays 09:30 AMERICA/NEW_YORK").zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(schedule("daily 09:00 utc").zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(core.text(set("daily 09:00 europe/berlin"))).doesNotContain("Note:");
    }

    @Test
    void aNearMissOfAZoneGetsADidYouMean() {
        assertThat(error("daily 09:00 Europe/Berln")).contains("Unknown timezone 'Europe/Berln'").contains("Did you mean Europe/Berlin?");
        assertThat(error("daily 09:00 Berlin")).contains("Did you mean Europe/Berlin?");
        assertThat(error("daily 09:00 Mars/Olympus_Mons")).contains("Unknown timezone").doesNotContain("Did you mean");
        Command refused = new Command(MemoryCore.channel("study"), new Actor("ada", "ada", true, java.util.Set.of()),
                new Action.ScheduleSet("daily 09:00", Optional.of("Europe/Berln"), Optional.empty(), Optional.empty()));
        assertThat(core.bot().acknowledgement(refused)).as("known from the command alone").isEqualTo(Acknowledgement.ASKER);
    }

    @Test
    void abbreviationsAreReadAsTheirZoneWithANote() {
        Response est = set("daily 09:00 EST");
        assertThat(((Reply.ScheduleInfo) est.reply()).schedule().orElseThrow().zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(core.text(est)).contains("EST read as America/New_York");
        assertThat(schedule("daily 09:00 CET").zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(schedule("daily 09:00 pst").zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(core.text(set("daily 09:00 CET"))).contains("CET read as Europe/Berlin");
    }

    @Test
    void offsetsAreFixedZonesWithANote() {
        assertThat(schedule("daily 09:00 UTC+05:30").zone()).isEqualTo(ZoneId.of("UTC+05:30"));
        assertThat(schedule("daily 09:00 +05:30").zone()).isEqualTo(ZoneId.of("UTC+05:30"));
        assertThat(schedule("daily 09:00 GMT-3").zone()).isEqualTo(ZoneId.of("UTC-03:00"));
        assertThat(core.text(set("daily 09:00 +05:30"))).contains("+05:30 read as the fixed offset UTC+05:30");
    }

    @Test
    void aZoneThatCannotBeReadIsRefusedAsAZoneNeverAsASchedule() {
        for (String zone : new String[] {"IST", "XYZ", "UTC+15:00", "+25", "Narnia"}) {
            String text = error("daily 09:00 " + zone);
            assertThat(text).as(zone).containsIgnoringCase("timezone").doesNotContain("is not a schedule");
        }
        assertThat(error("daily 09:00 IST")).contains("ambiguous");
    }

    @Test
    void aQuotedTopicOfSeveralWordsIsOneTopicAndOptionsGoAnywhere() throws Exception {
        assertThat(parser.parse("/study schedule set daily 09:00 topic:\"Attention and Transformers\" level:intermediate"))
                .isEqualTo(new Action.ScheduleSet("daily 09:00", Optional.empty(), Optional.of("Attention and Transformers"),
                        Optional.of(Level.INTERMEDIATE)));
        assertThat(parser.parse("/study schedule set level:basic topic:\u201CAttention  and Transformers\u201D weekdays 09:30 Europe/Berlin"))
                .isEqualTo(new Action.ScheduleSet("weekdays 09:30", Optional.of("Europe/Berlin"), Optional.of("Attention and Transformers"),
                        Optional.of(Level.BASIC)));
        assertThat(schedule("daily 09:00 topic:\"Attention and Transformers\"").topic()).contains("Attention and Transformers");
        assertThat(core.text(set("daily 09:00 topic:\"Attention and"))).contains("quote is not closed");

        assertThat(parser.parse("/study random basic cnn")).isEqualTo(parser.parse("/study random cnn basic"))
                .isEqualTo(new Action.RandomQuestion(Optional.of("cnn"), Optional.of(Level.BASIC)));
        assertThat(parser.parse("/study random advanced CNNs and Vision"))
                .isEqualTo(new Action.RandomQuestion(Optional.of("CNNs and Vision"), Optional.of(Level.ADVANCED)));
        assertThat(parser.parse("/study random basic")).isEqualTo(new Action.RandomQuestion(Optional.empty(), Optional.of(Level.BASIC)));
    }

    @Test
    void aMistypedTeamNameGetsADidYouMean() {
        core.say("alice", "study", "/study team create Tensors");
        assertThat(core.text(core.say("bob", "study", "/study team join Tensers"))).contains("No team is called 'Tensers'")
                .contains("Did you mean Tensors?");
        assertThat(core.text(core.say("bob", "study", "/study team join Quux"))).doesNotContain("Did you mean");
    }

    @Test
    void aCronThatNeverFiresSaysSinceWhenInTheChannelsZoneWithoutNanoseconds() {
        assertThat(error("0 0 9 ? * MON-FRI 1999")).contains("never fires after Tue 1 Dec 2026 06:46 UTC")
                .doesNotContain("06:46:13").doesNotContain("123456789");
        assertThat(error("0 0 9 ? * MON-FRI 1999 Europe/Berlin")).contains("never fires after Tue 1 Dec 2026 07:46 CET");
    }
}
