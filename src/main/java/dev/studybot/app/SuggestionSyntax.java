package dev.studybot.app;

import dev.studybot.port.in.Action;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text forms of {@code suggest}, {@code suggestions} and {@code bank import}, for {@link CommandParser}. */
final class SuggestionSyntax {
    private static final Pattern LABEL = Pattern.compile("(?i)(?:^|\\s)(question|answer|claims|topic|level)\\s*:");
    /** What an approval may complete. */
    private static final Pattern COMPLETION = Pattern.compile("(?i)(?:^|\\s)(answer|claims)\\s*:");

    private SuggestionSyntax() {
    }

    /** Without text, the form; text without labels is the question alone. */
    static Action suggest(String rest) {
        Matcher first = LABEL.matcher(rest);
        boolean labelled = first.find();
        String lead = (labelled ? rest.substring(0, first.start()) : rest).strip();
        Map<String, String> fields = new java.util.HashMap<>(labelled ? label(rest.substring(first.start()), LABEL) : Map.of());
        if (!lead.isEmpty()) {
            fields.putIfAbsent("question", lead);
        }
        return new Action.Suggest(field(fields, "question"), field(fields, "answer"), field(fields, "claims"), field(fields, "topic"),
                field(fields, "level"));
    }

    /** The labelled fields of a text ({@code answer: ... claims: ...}), by their label in lower case; text before the first label is left out. */
    private static Map<String, String> label(String text, Pattern labels) {
        Map<String, String> fields = new java.util.HashMap<>();
        Matcher m = labels.matcher(text);
        String current = null;
        int start = 0;
        while (m.find()) {
            if (current != null) {
                fields.put(current, text.substring(start, m.start()).strip());
            }
            current = m.group(1).toLowerCase(Locale.ROOT);
            start = m.end();
        }
        if (current != null) {
            fields.put(current, text.substring(start).strip());
        }
        return fields;
    }

    /** {@code suggestions [list]}, {@code suggestions approve N [deck] [answer: ...] [claims: ...]}, {@code suggestions decline N REASON}. */
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
                // after the number: the deck, then the answer and claims an admin completes it with
                String after = rest.replaceFirst("^\\S+\\s+\\S+", "").strip();
                Matcher label = COMPLETION.matcher(after);
                boolean completed = label.find();
                String deck = (completed ? after.substring(0, label.start()) : after).strip();
                Map<String, String> fields = completed ? label(after.substring(label.start()), COMPLETION) : Map.of();
                return new Action.SuggestionApprove(words.get(1), Optional.of(deck).filter(d -> !d.isEmpty()),
                        Optional.ofNullable(fields.get("answer")).filter(v -> !v.isEmpty()),
                        Optional.ofNullable(fields.get("claims")).filter(v -> !v.isEmpty()));
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

    private static Optional<String> field(Map<String, String> fields, String name) {
        return Optional.ofNullable(fields.get(name)).filter(v -> !v.isEmpty());
    }
}
