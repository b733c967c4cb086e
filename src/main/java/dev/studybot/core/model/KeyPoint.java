package dev.studybot.core.model;

import java.util.List;

/** One point a good answer makes, with the phrasings that count for it; the first is its label. */
public record KeyPoint(List<String> phrasings) {
    public KeyPoint {
        phrasings = List.copyOf(phrasings);
        if (phrasings.isEmpty()) {
            throw new IllegalArgumentException("a key point needs at least one phrasing");
        }
    }

    public String label() {
        return phrasings.get(0);
    }
}
