package dev.studybot.app;

import dev.studybot.port.in.Action;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text forms of {@code suggest}, {@code suggestions} and {@code bank import}, for {@link CommandParser}. */
final class SuggestionSyntax {
    /** The fields a typed suggestion may label: {@code suggest question: ... answer: ... claims: a, b; c topic: ... level: ...}. */
    enum Field {
        QUESTION, ANSWER, CLAIMS, TOPIC, LEVEL
    }

    private static final Pattern LABEL = Pattern.compile("(?i)(?:^|\\s)(question|answer|claims|topic|level)\\s*:");

    private SuggestionSyntax() {
    }

    /** Without text, the form; text without labels is the question alone. */
    static Action suggest(String rest) {
        Map<Field, String> fields = new EnumMap<>(Field.class);
        Matcher m = LABEL.matcher(rest);
        int start = -1;
        Field current = null;
        while (m.find()) {
            if (current != null) {
                fields.put(current, rest.substring(start, m.start()).strip());
            } else if (m.start() > 0) {
                fields.put(Field.QUESTION, rest.substring(0, m.start()).strip());
            }
            current = Field.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            start = m.end();
        }
        if (current == null) {
            fields.put(Field.QUESTION, rest.strip());
        } else {
            fields.put(current, rest.substring(start).strip());
        }
        return new Action.Suggest(field(fields, Field.QUESTION), field(fields, Field.ANSWER), field(fields, Field.CLAIMS),
                field(fields, Field.TOPIC), field(fields, Field.LEVEL));
    }

    /** {@code suggestions [list]}, {@code suggestions approve N [deck]}, {@code suggestions decline N REASON}. */
    static Action suggestions(List<String> words, String rest) throws CommandSyntaxException {
        if (words.isEmpty() || words.get(0).equalsIgnoreCase("list")) {
            return new Action.SuggestionList();
        }
        String sub = words.get(0).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "approve" -> {
                if (words.size() < 2) {
                    throw new CommandSyntaxException("/study suggestions approve needs a suggestion number, e.g. /study suggestions approve 3.");
                }
                return new Action.SuggestionApprove(words.get(1), words.size() > 2 ? Optional.of(String.join(" ", words.subList(2, words.size())))
                        : Optional.empty());
            }
            case "decline" -> {
                if (words.size() < 2) {
                    throw new CommandSyntaxException("/study suggestions decline needs a number and a reason, e.g. /study suggestions decline 3 already asked.");
                }
                String reason = rest.replaceFirst("^\\S+\\s+\\S+", "").strip();
                return new Action.SuggestionDecline(words.get(1), reason);
            }
            default -> throw new CommandSyntaxException(CommandParser.unknown("suggestions subcommand", sub, List.of("list", "approve", "decline")));
        }
    }

    /** {@code bank import [deck]}, {@code bank import confirm [deck]} (or {@code bank confirm [deck]}). */
    static Action bankImport(List<String> words) {
        boolean confirm = words.get(0).equalsIgnoreCase("confirm") || words.size() > 1 && words.get(1).equalsIgnoreCase("confirm");
        int deckAt = words.get(0).equalsIgnoreCase("confirm") ? 1 : confirm ? 2 : 1;
        Optional<String> deck = words.size() > deckAt ? Optional.of(String.join(" ", words.subList(deckAt, words.size()))) : Optional.empty();
        return confirm ? new Action.BankImportConfirm(deck) : new Action.BankImport(deck, Optional.empty());
    }

    private static Optional<String> field(Map<Field, String> fields, Field f) {
        return Optional.ofNullable(fields.get(f)).filter(v -> !v.isEmpty());
    }
}
