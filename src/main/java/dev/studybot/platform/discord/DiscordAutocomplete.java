package dev.studybot.platform.discord;

import dev.studybot.domain.Question;
import dev.studybot.domain.TopicCount;
import dev.studybot.port.out.QuestionBank;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.dv8tion.jda.api.interactions.commands.Command;

/** Suggestions while a member types an option: topics and question ids from the bank, IANA timezones. */
final class DiscordAutocomplete {
    private static final int MAX_CHOICES = 25;
    private static final int MAX_CHOICE_NAME = 100;

    private final QuestionBank bank;
    private final List<String> zones = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC")).sorted().toList();

    DiscordAutocomplete(QuestionBank bank) {
        this.bank = bank;
    }

    List<Command.Choice> choices(String option, String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        return switch (DiscordCommands.suggest(option)) {
            case TOPIC -> bank.topics().stream().map(TopicCount::topic)
                    .filter(n -> n.toLowerCase(Locale.ROOT).contains(t))
                    .limit(MAX_CHOICES).map(n -> new Command.Choice(n, n)).toList();
            case QUESTION_ID -> ids(t);
            case TIMEZONE -> zones.stream().filter(z -> z.toLowerCase(Locale.ROOT).contains(t))
                    .limit(MAX_CHOICES).map(z -> new Command.Choice(z, z)).toList();
            case NONE -> List.of();
        };
    }

    /** Ids starting with what was typed first, then questions whose id or text contains it. */
    private List<Command.Choice> ids(String t) {
        List<Question> all = bank.all();
        return Stream.concat(all.stream().filter(q -> q.id().toLowerCase(Locale.ROOT).startsWith(t)),
                        all.stream().filter(q -> !q.id().toLowerCase(Locale.ROOT).startsWith(t)
                                && (q.id().toLowerCase(Locale.ROOT).contains(t) || q.text().toLowerCase(Locale.ROOT).contains(t))))
                .limit(MAX_CHOICES)
                .map(q -> new Command.Choice(DiscordRenderer.shorten(q.id() + " — " + q.text(), MAX_CHOICE_NAME), q.id()))
                .toList();
    }
}
