package dev.studybot.domain;

import java.util.List;
import java.util.Objects;

/**
 * One claim of a question's rubric: what a member must show they understand, the phrasings that
 * count for it (synonyms and abbreviations included), the misconceptions that cancel it, and its
 * weight. {@code subject} names what the claim is about without giving it away; it is the hint
 * shown while the question is still open.
 */
public record KeyPoint(String claim, String subject, Weight weight, List<String> phrasings, List<String> misconceptions) {
    public KeyPoint {
        phrasings = List.copyOf(phrasings);
        misconceptions = List.copyOf(misconceptions);
        Objects.requireNonNull(weight, "weight");
        if (phrasings.isEmpty()) {
            throw new IllegalArgumentException("a key point needs at least one phrasing");
        }
        claim = claim == null || claim.isBlank() ? phrasings.get(0) : claim.strip();
        subject = subject == null || subject.isBlank() ? phrasings.get(0) : subject.strip();
    }

    /** A point given by its phrasings alone, as imported lists and older bank files have them. */
    public KeyPoint(List<String> phrasings) {
        this(null, null, Weight.CORE, phrasings, List.of());
    }

    /** How the point is named in results and on reveal: its claim. */
    public String label() {
        return claim;
    }

    /** How much a claim counts toward the grade. */
    public enum Weight {
        /** What the answer must show: counts twice. */
        CORE(2),
        /** A supporting detail: counts once. */
        DETAIL(1);

        private final int value;

        Weight(int value) {
            this.value = value;
        }

        public int value() {
            return value;
        }

        public static java.util.Optional<Weight> parse(String text) {
            for (Weight w : values()) {
                if (w.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return java.util.Optional.of(w);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
