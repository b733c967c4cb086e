package dev.studybot.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * studybot's English analysis as a Lucene {@link Analyzer}, for grading and search alike: the
 * standard tokenizer (Unicode word breaks), lower case, possessives off, ASCII folding (accents),
 * British spellings to American ones, common irregular forms to their base (frozen, froze:
 * freeze), plurals off, then the KStem stemmer (inflections, conservative enough that "generative"
 * and "generalization" stay apart). Before tokenizing, hyphenated compounds are joined, so
 * "pre-trained" and "pretrained" or "feed-forward" and "feedforward" are one term each, and
 * superscript and subscript digits become plain ones (R² is r2). Offsets are those of the text so
 * prepared ({@link #prepare}).
 */
public final class StudyAnalyzer extends Analyzer {
    private static final Pattern HYPHENATED = Pattern.compile("(?<=\\p{L})-(?=\\p{L})");
    /** British -ise/-isation words whose American form has z, by their common stems. */
    private static final Pattern BRITISH_ISE = Pattern.compile(
            "^(normal|regular|optim|initial|minim|maxim|general|standard|visual|token|quant|parameter|summar|recogn|organ|util|categor|"
                    + "vector|character|real|special|local|stabil|central|custom|penal|random|synchron|serial|personal|prior|memor|author|"
                    + "capital|final|harmon|legal|modern|neutral|polar|symbol|theor|critic|emphas|hypothes|binar|discret|linear|spars|"
                    + "general|factor|lemmat|canonical|marginal|vocal|idealis|anonym|digit|commercial|industrial|operational|"
                    + "contextual|personal|priorit|sanit|steril|trivial|virtual)is(e|es|ed|ing|ation|ations|er|ers|able)$");
    private static final Map<String, String> BRITISH = Map.ofEntries(
            Map.entry("colour", "color"), Map.entry("colours", "colors"), Map.entry("behaviour", "behavior"),
            Map.entry("behaviours", "behaviors"), Map.entry("favour", "favor"), Map.entry("favours", "favors"),
            Map.entry("neighbour", "neighbor"), Map.entry("neighbours", "neighbors"), Map.entry("neighbourhood", "neighborhood"),
            Map.entry("centre", "center"), Map.entry("centres", "centers"), Map.entry("centred", "centered"),
            Map.entry("modelling", "modeling"), Map.entry("modelled", "modeled"), Map.entry("labelling", "labeling"),
            Map.entry("labelled", "labeled"), Map.entry("travelling", "traveling"), Map.entry("signalling", "signaling"),
            Map.entry("cancelled", "canceled"), Map.entry("fulfil", "fulfill"), Map.entry("analyse", "analyze"),
            Map.entry("analysed", "analyzed"), Map.entry("analysing", "analyzing"), Map.entry("catalogue", "catalog"),
            Map.entry("defence", "defense"), Map.entry("licence", "license"), Map.entry("grey", "gray"),
            Map.entry("programme", "program"), Map.entry("artefact", "artifact"), Map.entry("artefacts", "artifacts"));
    /** Irregular forms KStem leaves alone. */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("frozen", "freeze"), Map.entry("froze", "freeze"), Map.entry("unfrozen", "unfreeze"),
            Map.entry("chosen", "choose"), Map.entry("chose", "choose"), Map.entry("fed", "feed"), Map.entry("built", "build"),
            Map.entry("taught", "teach"), Map.entry("thought", "think"), Map.entry("ran", "run"), Map.entry("made", "make"),
            Map.entry("written", "write"), Map.entry("wrote", "write"), Map.entry("drawn", "draw"), Map.entry("drew", "draw"),
            Map.entry("known", "know"), Map.entry("knew", "know"), Map.entry("shown", "show"), Map.entry("hidden", "hide"),
            Map.entry("given", "give"), Map.entry("gave", "give"), Map.entry("taken", "take"), Map.entry("took", "take"),
            Map.entry("kept", "keep"), Map.entry("lost", "lose"), Map.entry("held", "hold"), Map.entry("found", "find"),
            Map.entry("sought", "seek"), Map.entry("spent", "spend"), Map.entry("sent", "send"), Map.entry("led", "lead"),
            Map.entry("fell", "fall"), Map.entry("fallen", "fall"), Map.entry("grew", "grow"), Map.entry("grown", "grow"),
            Map.entry("learnt", "learn"), Map.entry("overfit", "overfit"), Map.entry("overfitted", "overfit"),
            Map.entry("overfitting", "overfit"), Map.entry("underfitting", "underfit"), Map.entry("underfitted", "underfit"),
            Map.entry("better", "better"), Map.entry("worse", "worse"), Map.entry("data", "data"));

    private final StemmerOverrideFilter.StemmerOverrideMap overrides;

    public StudyAnalyzer() {
        try {
            StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
            IRREGULAR.forEach(builder::add);
            overrides = builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new Prepared(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new KStemFilter(new EnglishMinimalStemFilter(new StemmerOverrideFilter(
                new BritishFilter(new ASCIIFoldingFilter(new EnglishPossessiveFilter(new LowerCaseFilter(tokenizer)))), overrides)));
        return new TokenStreamComponents(tokenizer, stream);
    }

    /** The text as the tokenizer should see it: hyphenated compounds joined, superscript digits plain. */
    static String prepare(String text) {
        return digits(HYPHENATED.matcher(text).replaceAll(""));
    }

    /** A reader over {@link #prepare}d text; offsets are those of the prepared text. */
    private static final class Prepared extends java.io.FilterReader {
        Prepared(Reader in) {
            super(new StringReader(prepare(readAll(in))));
        }

        private static String readAll(Reader in) {
            try {
                StringBuilder out = new StringBuilder();
                char[] buffer = new char[4096];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.append(buffer, 0, n);
                }
                return out.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Superscript and subscript digits as plain ones, so that R² is the word r2 and x₁ is x1. */
    private static String digits(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int d = SUPERSCRIPTS.indexOf(c);
            if (d < 0) {
                d = c >= '\u2080' && c <= '\u2089' ? c - '\u2080' : -1;
            }
            if (d >= 0) {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                out.append((char) ('0' + d));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static final String SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

    /** British spellings to American ones, before stemming, so that both stem alike. */
    private static final class BritishFilter extends org.apache.lucene.analysis.TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

        BritishFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (keyword.isKeyword()) {
                return true;
            }
            String word = term.toString();
            String american = BRITISH.get(word);
            if (american == null) {
                Matcher m = BRITISH_ISE.matcher(word);
                if (m.matches()) {
                    american = m.group(1) + "iz" + m.group(2);
                }
            }
            if (american != null) {
                term.setEmpty().append(american);
            }
            return true;
        }
    }
}
