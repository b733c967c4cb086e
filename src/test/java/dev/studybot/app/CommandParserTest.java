package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybot.domain.Level;
import dev.studybot.domain.Period;
import dev.studybot.port.in.Action;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandParserTest {
    private final CommandParser parser = new CommandParser();

    @Test
    void parsesTheOwnQuestionAndDeckCommands() throws Exception {
        assertThat(parser.parse("/study question add")).isEqualTo(new Action.QuestionAdd(Optional.empty()));
        assertThat(parser.parse("/study question add  Team Cup")).isEqualTo(new Action.QuestionAdd(Optional.of("Team Cup")));
        assertThat(parser.parse("/study question edit team-x")).isEqualTo(new Action.QuestionEdit("team-x"));
        assertThat(parser.parse("/study question remove team-x")).isEqualTo(new Action.QuestionRemove("team-x"));
        assertThat(parser.parse("/study question show reg-dropout")).isEqualTo(new Action.ShowQuestion("reg-dropout"));
        assertThatThrownBy(() -> parser.parse("/study question edit")).hasMessageContaining("needs the id");
        assertThat(parser.parse("/study decks")).isEqualTo(new Action.DeckList());
        assertThat(parser.parse("/study bank export team")).isEqualTo(new Action.BankExport("team"));
        assertThatThrownBy(() -> parser.parse("/study bank export")).hasMessageContaining("needs a deck");
        assertThat(parser.parse("/study schedule set weekdays 09:30 deck:team,builtin level:basic"))
                .isEqualTo(new Action.ScheduleSet("weekdays 09:30", Optional.empty(), Optional.empty(), Optional.of(Level.BASIC),
                        List.of("team", "builtin")));
        assertThat(((Action.ScheduleSet) parser.parse("/study schedule set daily 09:00 decks=\"Team Cup\"")).decks()).containsExactly("Team Cup");
    }

    @Test
    void parsesEveryCommandOfTheDesign() throws Exception {
        Set<Class<?>> parsed = new HashSet<>();
        for (String text : List.of("/study", "/study today", "/study question reg-dropout", "/study random cnn", "/study search dropout",
                "/study topics", "/study answer it drops units", "/study reveal", "/study leaderboard", "/study stats",
                "/study team create Owls", "/study team join Owls", "/study team leave", "/study team list",
                "/study schedule set daily 09:00", "/study schedule show", "/study schedule off", "/study post",
                "/study season start Spring", "/study season end", "/study season list", "/study mastery", "/study review",
                "/study review answer it drops units", "/study review off", "/study review remind 08:30",
                "/study history", "/study bank reload",
                "/study bank import", "/study bank import confirm", "/study suggest", "/study suggestions",
                "/study suggestions approve 1", "/study suggestions decline 1 asked already",
                "/study question add", "/study question edit x", "/study question remove x", "/study decks", "/study bank export team")) {
            parsed.add(parser.parse(text).getClass());
        }
        // every subcommand there is, from the sealed type itself: a new one fails here until the parser reads it
        // (but a filled-in question form, which comes from the form and is never typed)
        assertThat(parsed).containsExactlyInAnyOrder(java.util.Arrays.stream(Action.class.getPermittedSubclasses())
                .filter(c -> c != Action.QuestionSubmit.class).toArray(Class<?>[]::new));

        assertThat(parser.parse("/study")).isEqualTo(new Action.Help());
        assertThat(parser.parse("/study history")).isEqualTo(new Action.History(Optional.empty()));
        assertThat(parser.parse("/study history 25")).isEqualTo(new Action.History(Optional.of("25")));
        assertThat(parser.parse("/study bank reload")).isEqualTo(new Action.BankReload());
        assertThatThrownBy(() -> parser.parse("/study bank")).hasMessageContaining("reload");
        assertThatThrownBy(() -> parser.parse("/study bank relaod")).hasMessageContaining("reload");
        assertThat(parser.parse("/study today")).isEqualTo(new Action.Today());
        assertThat(parser.parse("/study question reg-dropout")).isEqualTo(new Action.ShowQuestion("reg-dropout"));
        assertThat(parser.parse("/study random CNNs and Vision advanced"))
                .isEqualTo(new Action.RandomQuestion(Optional.of("CNNs and Vision"), Optional.of(Level.ADVANCED)));
        assertThat(parser.parse("/study search  batch   norm")).isEqualTo(new Action.Search("batch   norm"));
        assertThat(parser.parse("/study answer it   drops units")).isEqualTo(new Action.Answer(Optional.of("it   drops units"), Optional.empty()));
        assertThat(parser.parse("/study answer")).isEqualTo(new Action.Answer(Optional.empty(), Optional.empty()));
        assertThat(parser.parse("/study reveal reg-dropout")).isEqualTo(new Action.Reveal(Optional.of("reg-dropout"), Optional.empty()));
        assertThat(parser.parse("/study leaderboard teams month")).isEqualTo(new Action.Leaderboard(Period.MONTH, true));
        assertThat(parser.parse("/study leaderboard")).isEqualTo(new Action.Leaderboard(Period.WEEK, false));
        assertThat(parser.parse("/study leaderboard chart")).isEqualTo(new Action.Leaderboard(Period.WEEK, false, Optional.empty(), true));
        assertThat(parser.parse("/study leaderboard season Winter  Cup teams chart"))
                .isEqualTo(new Action.Leaderboard(Period.SEASON, true, Optional.of("Winter Cup"), true));
        assertThat(parser.parse("/study leaderboard season")).isEqualTo(new Action.Leaderboard(Period.SEASON, false));
        assertThat(parser.parse("/study leaderboard chart season Team Cup team"))
                .isEqualTo(new Action.Leaderboard(Period.SEASON, true, Optional.of("Team Cup"), true));
        assertThat(parser.parse("/study leaderboard season chart")).isEqualTo(new Action.Leaderboard(Period.SEASON, false, Optional.empty(), true));
        assertThat(parser.parse("/study season list")).isEqualTo(new Action.SeasonList());
        assertThat(parser.parse("/study stats Ada Lovelace")).isEqualTo(new Action.Stats(Optional.of("Ada Lovelace")));
        assertThat(parser.parse("/study team create  Deep Thinkers")).isEqualTo(new Action.TeamCreate("Deep Thinkers"));
        assertThat(parser.parse("/study team leave")).isEqualTo(new Action.TeamLeave());
        assertThat(parser.parse("/study team join  deep thinkers")).isEqualTo(new Action.TeamJoin("deep thinkers"));
        assertThat(parser.parse("/study team list")).isEqualTo(new Action.TeamList());
        assertThat(parser.parse("/study topics")).isEqualTo(new Action.Topics());
        assertThat(parser.parse("/study schedule show")).isEqualTo(new Action.ScheduleShow());
        assertThat(parser.parse("/study schedule off")).isEqualTo(new Action.ScheduleOff());
        assertThat(parser.parse("/study season end")).isEqualTo(new Action.SeasonEnd());
        assertThat(parser.parse("/study schedule set weekdays 09:30 Europe/Berlin topic:nlp level:basic"))
                .isEqualTo(new Action.ScheduleSet("weekdays 09:30", Optional.of("Europe/Berlin"), Optional.of("nlp"), Optional.of(Level.BASIC)));
        assertThat(parser.parse("/study schedule set 0 30 9 ? * MON-FRI"))
                .isEqualTo(new Action.ScheduleSet("0 30 9 ? * MON-FRI", Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(parser.parse("/study post")).isEqualTo(new Action.PostNow());
        assertThat(parser.parse("/study season start Winter Cup")).isEqualTo(new Action.SeasonStart("Winter Cup"));
        assertThat(parser.parse("SEARCH dropout")).isEqualTo(new Action.Search("dropout"));
    }

    @Test
    void reviewsHaveTheirOwnSubcommandsAndATopicOtherwise() throws Exception {
        assertThat(parser.parse("/study review")).isEqualTo(new Action.ReviewNext(Optional.empty()));
        assertThat(parser.parse("/study review next")).isEqualTo(new Action.ReviewNext(Optional.empty()));
        assertThat(parser.parse("/study review next Attention and Transformers"))
                .isEqualTo(new Action.ReviewNext(Optional.of("Attention and Transformers")));
        assertThat(parser.parse("/study review Regularization")).isEqualTo(new Action.ReviewNext(Optional.of("Regularization")));
        assertThat(parser.parse("/study review answer  it   drops units")).isEqualTo(new Action.ReviewAnswer("it   drops units"));
        assertThat(parser.parse("/study REVIEW On")).isEqualTo(new Action.ReviewSwitch(true));
        assertThat(parser.parse("/study review off")).isEqualTo(new Action.ReviewSwitch(false));
        assertThat(parser.parse("/study review remind 08:30 Europe/Berlin"))
                .isEqualTo(new Action.ReviewRemind("08:30", Optional.of("Europe/Berlin")));
        assertThat(parser.parse("/study review remind off")).isEqualTo(new Action.ReviewRemind("off", Optional.empty()));
        assertThat(parser.parse("/study mastery")).isEqualTo(new Action.ChannelMastery());
        assertThatThrownBy(() -> parser.parse("/study review answer")).hasMessageContaining("/study review answer needs your answer");
        assertThatThrownBy(() -> parser.parse("/study review remind")).hasMessageContaining("needs a local time");
    }

    @Test
    void badLevelsInSchedulesAreNamed() {
        assertThatThrownBy(() -> parser.parse("/study schedule set daily 09:00 level:expert"))
                .hasMessageContaining("'expert' is not a level");
    }

    @Test
    void plainScheduleFormsBecomeQuartzCron() throws Exception {
        WhenParser when = new WhenParser();
        assertThat(when.toCron("daily 09:00")).isEqualTo("0 0 9 ? * *");
        assertThat(when.toCron("09:05")).isEqualTo("0 5 9 ? * *");
        assertThat(when.toCron("weekdays 09:30")).isEqualTo("0 30 9 ? * MON-FRI");
        assertThat(when.toCron("mon,wed,fri 17:00")).isEqualTo("0 0 17 ? * MON,WED,FRI");
        assertThat(when.toCron("monday-thursday 8:15")).isEqualTo("0 15 8 ? * MON-THU");
        assertThat(when.toCron("30 9 * * mon-fri")).isEqualTo("0 30 9 ? * MON-FRI");
        assertThat(when.toCron("0 30 9 ? * MON-FRI")).isEqualTo("0 30 9 ? * MON-FRI");
    }
}
