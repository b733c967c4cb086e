package dev.studybot.domain;

/** A search match: the question and a short extract with the matched words between markers. */
public record SearchHit(Question question, String snippet) {
    /** Marks a matched word's start and end in {@link #snippet}; renderers turn it into bold. */
    public static final char MARK_START = '\u0002';
    public static final char MARK_END = '\u0003';
}
