package dev.studybot.analysis;

import dev.studybot.port.out.TextAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** The text analysis the grader and the validator share, by {@link StudyAnalyzer}; stop words are Lucene's English ones. */
public final class LuceneTextAnalysis implements TextAnalysis {
    private static final CharArraySet STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private final StudyAnalyzer analyzer;

    public LuceneTextAnalysis(StudyAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    public LuceneTextAnalysis() {
        this(new StudyAnalyzer());
    }

    @Override
    public List<Word> words(String text) {
        String prepared = StudyAnalyzer.prepare(text);
        List<Word> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String raw = prepared.substring(offset.startOffset(), offset.endOffset());
                out.add(new Word(raw, term.toString(), STOP.contains(raw.toLowerCase(Locale.ROOT))));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
