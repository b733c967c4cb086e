package dev.studybot.platform.console;

import dev.studybot.domain.words.Labels;
import dev.studybot.port.in.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The suggestion form in a terminal, field by field: each line typed is the next field's value, an
 * empty line leaves an optional field out, and the last field sends the suggestion.
 */
final class ConsoleSuggestForm {
    private static final List<String> FIELDS = List.of(Labels.SUGGEST_QUESTION, Labels.SUGGEST_ANSWER,
            Labels.SUGGEST_CLAIMS + " (claims split by ';', phrasings by ',')", Labels.SUGGEST_TOPIC, Labels.SUGGEST_LEVEL);
    private final List<String> values = new ArrayList<>();

    /** The prompt for the field the next line fills. */
    String prompt() {
        return Labels.SUGGEST_TITLE + " — " + FIELDS.get(values.size()) + ":";
    }

    /** Takes a line; the suggestion once every field is given. */
    Optional<Action.Suggest> take(String line) {
        values.add(line.strip());
        if (values.size() < FIELDS.size()) {
            return Optional.empty();
        }
        return Optional.of(new Action.Suggest(value(0), value(1), value(2), value(3), value(4)));
    }

    private Optional<String> value(int i) {
        return Optional.of(values.get(i)).filter(v -> !v.isEmpty());
    }
}
