package dev.studybot.bank;

import dev.studybot.domain.Level;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a line of a pasted list is: a question, a section title, or neither; and its clean text. */
final class QuestionShape {
    /** How interview questions start when they do not end with a question mark. */
    private static final Set<String> STARTERS = Set.of(
            "what", "what's", "whats", "why", "how", "when", "where", "which", "who", "whom", "whose",
            "is", "are", "was", "were", "do", "does", "did", "can", "could", "should", "would", "will", "may", "might",
            "has", "have", "explain", "describe", "discuss", "define", "compare", "contrast", "differentiate",
            "distinguish", "name", "list", "give", "state", "outline", "design", "derive", "suppose", "imagine",
            "assume", "consider", "walk", "tell", "elaborate", "illustrate", "summarize", "summarise", "mention",
            "identify", "implement", "write", "show", "prove", "calculate", "compute", "propose", "build",
            "evaluate", "analyze", "analyse", "if", "you", "you're", "youre", "you've", "given", "between",
            "provide", "detail", "justify", "interpret", "critique", "sketch", "recommend", "choose", "predict");
    /** How a scenario is set up before it is asked about. */
    private static final Set<String> SETTING_UP = Set.of("suppose", "imagine", "assume", "consider", "given", "if", "you", "you're",
            "youre", "you've", "let", "let's");
    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:(?:q(?:uestion)?\\s*\\d*(?:\\.\\d+)*+|\\d{1,3}(?:\\.\\d+)*+)\\s*[.):]\\s*|q\\d+\\s+|\\d{1,3}(?:\\.\\d+)+\\s+)", Pattern.CASE_INSENSITIVE);
    /** How a heading or paragraph is numbered: "Q1:", "Q.", "1)", "1." or "1:". */
    private static final Pattern Q_NUMBER = Pattern.compile("^q(?:uestion)?\\s*(\\d*)(?:\\.\\d+)*\\s*([.):])(?:\\s|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("^\\d{1,3}(?:\\.\\d+)*+\\s*([.):])(?:\\s|$)");
    private static final Pattern DOTTED = Pattern.compile("^\\d{1,3}(?:\\.\\d+)+\\s");
    /** The label that opens an answer: "Answer:", "A:", "**A:**". */
    private static final Pattern ANSWER_LABEL = Pattern.compile("^(?:>\\s*)?(?:\\*\\*|__)?(?:answers?|ans|a)\\s*\\d*(?:\\*\\*|__)?\\s*[:：]", Pattern.CASE_INSENSITIVE);
    /** Links keep their text, images and reference markers ("[[src](...)]", "[[Answer]](...)") go. */
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)[^`].*?\\1");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern REFERENCE = Pattern.compile(
            "\\[?\\[(?:src\\d*|source|answer|ref|reference|link)]\\]?(?:\\([^)]*\\))?\\]?", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern UNDERSCORE_EMPHASIS = Pattern.compile("(?<![\\w\\\\])_([^_\\s][^_]*?)_(?!\\w)");
    /** A question about the list itself ("How do you pick questions?"), as intros to lists ask. */
    private static final Pattern ABOUT_THE_LIST = Pattern.compile(
            "(?i)^[^?]*\\bquestions\\b[^?]*\\b(list|pick|here|choose|chosen|sorted|collect(ed)?)\\b|^[^?]*\\b(list|pick|choose)\\b[^?]*\\bquestions\\b");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern HTML_TAG = Pattern.compile(
            "(?i)</?(?:br|p|div|span|b|i|u|em|strong|small|big|sup|sub|font|center|hr|a|img|ul|ol|li|table|tr|td|th|"
                    + "tbody|thead|h[1-6]|mark|code|pre|blockquote|section|article|details|summary)\\b[^>]*>");
    private static final Pattern BASIC = Pattern.compile("(?i)\\b(basic|basics|beginners?|easy|entry[- ]level|junior)\\b");
    private static final Pattern INTERMEDIATE = Pattern.compile("(?i)\\b(intermediate|medium|mid[- ]level)\\b");
    private static final Pattern ADVANCED = Pattern.compile("(?i)\\b(advanced?|expert|hard|senior)\\b");

    private QuestionShape() {
    }

    /** A question: it asks ("...?") or starts the way questions and interview prompts start. */
    static boolean isQuestion(String text) {
        String t = withoutNumbering(plain(text));
        if (words(t) < 3) {
            return false;
        }
        if (t.contains("?")) {
            return true;
        }
        String first = t.split("[\\s,]+", 2)[0].toLowerCase(Locale.ROOT).replace('’', '\'');
        return STARTERS.contains(first) && !t.endsWith(":");
    }

    /** Whether {@code text} sets a scenario up ("Consider a system...", "Suppose that...") rather than asking yet. */
    static boolean setsUp(String text) {
        String t = withoutNumbering(plain(text));
        String first = t.split("[\\s,]+", 2)[0].toLowerCase(Locale.ROOT).replace('’', '\'');
        return SETTING_UP.contains(first);
    }

    /** A section title: short, not a question, not a sentence. */
    static boolean isTitle(String text) {
        String t = withoutNumbering(plain(text));
        int w = words(t);
        return w >= 1 && w <= 10 && !isQuestion(t) && !t.endsWith(".") && !t.endsWith(",") && !t.endsWith(";");
    }

    /** A heading or title as a topic name: Markdown and list numbering removed, emoji kept. */
    static String topic(String text) {
        String t = withoutNumbering(plain(text)).strip();
        while (t.endsWith(":")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    /** The level a section title names, if any ("Basic Questions", "Advanced 🌟"). */
    static Optional<Level> level(String title) {
        if (ADVANCED.matcher(title).find()) {
            return Optional.of(Level.ADVANCED);
        }
        if (INTERMEDIATE.matcher(title).find()) {
            return Optional.of(Level.INTERMEDIATE);
        }
        if (BASIC.matcher(title).find()) {
            return Optional.of(Level.BASIC);
        }
        return Optional.empty();
    }

    /** The level a table's level cell names: a title's words, and "Fundamental" for basic. */
    static Optional<Level> levelCell(String cell) {
        return level(cell).or(() -> cell.toLowerCase(Locale.ROOT).contains("fundamental") ? Optional.of(Level.BASIC) : Optional.empty());
    }

    /** A question's text as the bank keeps it: one line, bold and HTML removed, LaTeX and code kept. */
    static String questionText(String raw) {
        return withoutNumbering(plain(raw));
    }

    /** Inline Markdown to plain text, except code and LaTeX, which stay as written. */
    static String plain(String raw) {
        // code spans stay exactly as written: "`____` looks at..." keeps its blank
        Matcher code = CODE_SPAN.matcher(raw);
        if (!code.find()) {
            return plainOutsideCode(raw);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        do {
            out.append(plainOutsideCode(raw.substring(from, code.start()))).append(' ').append(code.group()).append(' ');
            from = code.end();
        } while (code.find());
        out.append(plainOutsideCode(raw.substring(from)));
        return out.toString().replaceAll("\\s+", " ").replaceAll(" ([?.,;:!)])", "$1").replaceAll("\\( ", "(").strip();
    }

    private static String plainOutsideCode(String raw) {
        String t = IMAGE.matcher(mathLetters(raw)).replaceAll(" ");
        t = REFERENCE.matcher(t).replaceAll(" ");
        t = LINK.matcher(t).replaceAll("$1");
        if (t.indexOf('$') < 0) {
            t = UNDERSCORE_EMPHASIS.matcher(t).replaceAll("$1");
        }
        t = HTML_TAG.matcher(t).replaceAll(" ");
        t = STRONG.matcher(t).replaceAll("$2");
        t = t.replace("**", "").replace("__", "");
        t = entities(t);
        return t.replaceAll("\\s+", " ").strip();
    }

    /** How {@code text} is numbered, or "" when it is not: lists and headings of one style are siblings. */
    static String numbering(String text) {
        String t = text.strip();
        Matcher q = Q_NUMBER.matcher(t);
        if (q.find()) {
            return q.group(1).isEmpty() ? "Q" + q.group(2) : "Q1" + q.group(2);
        }
        Matcher n = NUMBER.matcher(t);
        if (n.find()) {
            return "1" + n.group(1);
        }
        return DOTTED.matcher(t).find() ? "1.1" : "";
    }

    /** A heading that only labels the question below it: "Question 3", "Q3", "Problem 2", "Exercise 1.4". */
    private static final Pattern LABEL_HEADING = Pattern.compile(
            "(?i)^(?:question|q|problem|exercise|task|prompt)\\s*#?\\d+(?:\\.\\d+)*\\s*[.:)]?$");

    static boolean labelHeading(String text) {
        return LABEL_HEADING.matcher(plain(text)).matches();
    }

    /** Whether a line opens an answer with a label ("Answer: ...", "**A:** ..."). */
    static boolean answerLabel(String line) {
        return ANSWER_LABEL.matcher(line.strip()).find();
    }

    /** Whether a paragraph is set out as a question by its label: "Q.", "Q3:", "Question:". */
    static boolean labelled(String text) {
        return Q_NUMBER.matcher(plain(text)).find();
    }

    /** Whether {@code text} is a link and little else: a contents entry or a resource. */
    static boolean navigation(String raw) {
        String t = raw.strip();
        Matcher m = LINK.matcher(t);
        int linked = 0;
        while (m.find()) {
            linked += m.group(1).length();
        }
        String rest = LINK.matcher(t).replaceAll("").replaceAll("[\\s*_:.,;()\\-–—]+", "");
        return linked > 0 && rest.length() <= linked / 2;
    }

    /** An intro's question about the list itself: why it exists, how its questions were picked. */
    static boolean aboutTheList(String text) {
        return ABOUT_THE_LIST.matcher(plain(text)).find();
    }

    /** Mathematical bold and italic letters (pasted from social posts) as plain letters. */
    static String mathLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            int cp = s.codePointAt(i);
            if (cp >= 0x1D400 && cp <= 0x1D7FF) {
                return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
            }
        }
        return s;
    }

    static String withoutHtml(String raw) {
        return HTML_TAG.matcher(raw).replaceAll("");
    }

    static String entities(String t) {
        return t.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
    }

    private static String withoutNumbering(String t) {
        return NUMBERING.matcher(t).replaceFirst("").strip();
    }

    private static int words(String t) {
        String s = t.strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }
}
