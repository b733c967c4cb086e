package dev.studybot.platform.discord;

import dev.studybot.domain.Question;
import dev.studybot.domain.TopicCount;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.QuestionBank;
import dev.studybot.port.out.WorkspaceBanks;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.dv8tion.jda.api.interactions.commands.Command;

/** Suggestions while a member types an option: topics and question ids of the server's questions, IANA timezones. */
final class DiscordAutocomplete {
    private static final int MAX_CHOICES = 25;
    private static final int MAX_CHOICE_NAME = 100;

    private final WorkspaceBanks banks;
    private final List<String> zones = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC")).sorted().toList();

    DiscordAutocomplete(WorkspaceBanks banks) {
        this.banks = banks;
    }

    /** The choices for an option of a command in a server, from that server's questions. */
    List<Command.Choice> choices(WorkspaceRef server, String option, String typed) {
        QuestionBank bank = banks.of(server);
        String t = typed.strip().toLowerCase(Locale.ROOT);
        return switch (DiscordCommands.suggest(option)) {
            case TOPIC -> bank.topics().stream().map(TopicCount::topic)
                    .filter(n -> n.toLowerCase(Locale.ROOT).contains(t))
                    .limit(MAX_CHOICES).map(n -> new Command.Choice(n, n)).toList();
            case QUESTION_ID -> ids(bank, t);
            case TIMEZONE -> zones.stream().filter(z -> z.toLowerCase(Locale.ROOT).contains(t))
                    .limit(MAX_CHOICES).map(z -> new Command.Choice(z, z)).toList();
            case NONE -> List.of();
        };
    }

    /** Ids starting with what was typed first, then questions whose id or text contains it. */
    private static List<Command.Choice> ids(QuestionBank bank, String t) {
        List<Question> all = bank.all();
        return Stream.concat(all.stream().filter(q -> q.id().toLowerCase(Locale.ROOT).startsWith(t)),
                        all.stream().filter(q -> !q.id().toLowerCase(Locale.ROOT).startsWith(t)
                                && (q.id().toLowerCase(Locale.ROOT).contains(t) || q.text().toLowerCase(Locale.ROOT).contains(t))))
                .limit(MAX_CHOICES)
                .map(q -> new Command.Choice(DiscordRenderer.shorten(q.id() + " — " + q.text(), MAX_CHOICE_NAME), q.id()))
                .toList();
    }
}
