package dev.studybot.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bank's synonym and abbreviation list ({@code questions/synonyms.yaml}): each group's
 * spellings are folded into one term before analysis, in the index and in queries alike, so
 * "batch norm", "batchnorm", "batch normalization" and "BN" find the same questions. One pattern
 * holds every spelling, longest first ("convolutional neural network" before "network"); words may
 * be written apart, hyphenated or joined, with a plural s.
 */
final class Synonyms {
    private final Pattern pattern;
    /** A spelling with its spaces and hyphens taken out, in lower case, to its group's term. */
    private final Map<String, String> terms = new HashMap<>();

    Synonyms(List<List<String>> groups) {
        List<String> alternatives = new ArrayList<>();
        for (List<String> group : groups) {
            if (group.isEmpty()) {
                continue;
            }
            String term = "syn" + key(group.get(0));
            for (String spelling : group) {
                String words = spelling.strip().toLowerCase(Locale.ROOT);
                if (words.isEmpty()) {
                    continue;
                }
                terms.putIfAbsent(key(words), term);
                alternatives.add(String.join("[\\s-]*", List.of(words.split("[\\s-]+")).stream().map(Pattern::quote).toList()));
            }
        }
        alternatives.sort(Comparator.comparingInt(String::length).reversed());
        pattern = alternatives.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternatives.stream()
                .collect(Collectors.joining("|")) + ")s?(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String key(String spelling) {
        return spelling.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
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
        if (pattern == null) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String term = terms.get(key(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement((keep ? m.group() : "") + " " + term + " "));
        }
        return m.appendTail(out).toString();
    }
}
