package dev.studybot.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bank's synonym and abbreviation list ({@code questions/synonyms.yaml}): each group's
 * spellings are folded into one term before analysis, in the index and in queries alike, so
 * "batch norm", "batchnorm", "batch normalization" and "BN" find the same questions. Longer
 * spellings are folded first ("convolutional neural network" before "network").
 */
final class Synonyms {
    private record Fold(Pattern pattern, String term) {
    }

    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}]+");

    private final List<Fold> folds = new ArrayList<>();
    /** The first word of every spelling: text with none of them has nothing to fold. */
    private final java.util.Set<String> starts = new java.util.HashSet<>();

    Synonyms(List<List<String>> groups) {
        List<Fold> all = new ArrayList<>();
        for (List<String> group : groups) {
            if (group.isEmpty()) {
                continue;
            }
            String term = "syn" + group.get(0).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
            for (String spelling : group) {
                String words = spelling.strip().toLowerCase(Locale.ROOT);
                if (words.isEmpty()) {
                    continue;
                }
                // words apart, hyphenated or joined, with an optional plural s
                String[] parts = words.split("[\\s-]+");
                starts.add(parts[0]);
                if (parts.length > 1) {
                    starts.add(String.join("", parts));
                }
                String flexible = String.join("[\\s-]*", parts);
                all.add(new Fold(Pattern.compile("(?<![\\p{L}\\p{N}])" + flexible + "s?(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), term));
            }
        }
        all.sort(Comparator.comparingInt((Fold f) -> f.pattern().pattern().length()).reversed());
        folds.addAll(all);
    }

    /** What a member typed, each group's spelling replaced by the group's term. */
    String fold(String text) {
        return fold(text, false);
    }

    /** Indexed text: the group's term added after each spelling, which stays searchable as words. */
    String foldKeeping(String text) {
        return fold(text, true);
    }

    private String fold(String text, boolean keep) {
        if (!mayFold(text)) {
            return text;
        }
        String out = text;
        for (Fold f : folds) {
            Matcher m = f.pattern().matcher(out);
            if (m.find()) {
                out = m.replaceAll(r -> Matcher.quoteReplacement((keep ? r.group() : "") + " " + f.term() + " "));
            }
        }
        return out;
    }

    private boolean mayFold(String text) {
        Matcher m = WORDS.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (starts.contains(w) || w.endsWith("s") && starts.contains(w.substring(0, w.length() - 1))
                    || starts.stream().anyMatch(w::startsWith)) {
                return true;
            }
        }
        return false;
    }
}
