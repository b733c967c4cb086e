package dev.studybot.search;

import dev.studybot.analysis.StudyAnalyzer;
import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Question;
import dev.studybot.domain.SearchHit;
import dev.studybot.port.out.QuestionSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Search over the loaded bank with an in-memory Lucene index, so every store and every node
 * searches alike. Question text, tags, topic, rubric claims and answer are fields with boosts (the
 * question about X outranks those that merely mention X), analysed as the grader analyses, after
 * the bank's synonyms are folded (batch norm, batchnorm and batch normalization are one term).
 * Members' words are never query syntax: they are analysed into terms and the query is built from
 * those. Questions with all the words come first, then those with any; a word that matches
 * nothing is tried once more with one typo allowed.
 */
public final class LuceneQuestionSearch implements QuestionSearch {
    /** The id's words ("train-optimizers") name what a question is about in a word or two, so they weigh most. */
    private static final Map<String, Float> BOOSTS = Map.of("name", 4f, "question", 4f, "tags", 2.5f, "topic", 1.5f, "claims", 1.2f,
            "answer", 1f);
    private static final int MAX_WORDS = 16;
    private static final int SNIPPET_WORDS = 24;
    /** Words that say how a member asks, not what about. */
    private static final Set<String> ASKING = Set.of("what", "whats", "how", "why", "when", "where", "which", "who", "does", "do", "did",
            "is", "are", "was", "explain", "describe", "define", "difference", "differences", "between", "vs", "versus", "compare",
            "mean", "means", "meaning", "work", "works", "use", "used", "tell", "me", "about", "can", "you", "i", "we", "should",
            "would", "could", "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "with", "it", "its", "by", "as", "at",
            "from", "into", "that", "this", "these", "those", "be", "not", "no");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

    private final StudyAnalyzer analyzer;
    private final Synonyms synonyms;
    private final Map<String, Question> byId = new ConcurrentHashMap<>();
    /** Each question's sentences, analysed the first time the question is a hit, for snippets. */
    private final Map<String, List<Sentence>> sentences = new ConcurrentHashMap<>();

    /** A sentence's words as written, and each word's terms. */
    private record Sentence(String[] words, List<Set<String>> terms) {
        long matches(Set<String> wanted) {
            return terms.stream().filter(t -> t.stream().anyMatch(wanted::contains)).count();
        }
    }
    private volatile IndexSearcher searcher;
    private volatile IndexReader reader;

    public LuceneQuestionSearch(StudyAnalyzer analyzer, List<List<String>> synonyms) {
        this(analyzer, new Synonyms(synonyms));
    }

    private LuceneQuestionSearch(StudyAnalyzer analyzer, Synonyms synonyms) {
        this.analyzer = analyzer;
        this.synonyms = synonyms;
    }

    @Override
    public void index(Collection<Question> questions) {
        IndexReader read = read(questions);
        searcher = new IndexSearcher(read);
        reader = read;
        byId.clear();
        sentences.clear();
        for (Question q : questions) {
            byId.put(q.id(), q);
        }
    }

    /**
     * A search over this index's questions and {@code more}: only {@code more} is indexed, and one
     * searcher reads both indexes, so scores weigh every term over all the questions as one index
     * would. This index is not changed.
     */
    public LuceneQuestionSearch with(Collection<Question> more) {
        LuceneQuestionSearch both = new LuceneQuestionSearch(analyzer, synonyms);
        IndexReader base = reader;
        try {
            IndexReader combined = base == null ? read(more) : new MultiReader(new IndexReader[] {base, read(more)}, false);
            both.searcher = new IndexSearcher(combined);
            both.reader = combined;
        } catch (IOException e) {
            throw new UncheckedIOException("could not index the workspace's questions for search", e);
        }
        both.byId.putAll(byId);
        more.forEach(q -> both.byId.put(q.id(), q));
        return both;
    }

    private IndexReader read(Collection<Question> questions) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Question q : questions) {
                Document doc = new Document();
                doc.add(new StringField("id", q.id(), Field.Store.YES));
                doc.add(new TextField("name", synonyms.foldKeeping(q.id().replace('-', ' ')), Field.Store.NO));
                doc.add(new TextField("question", synonyms.foldKeeping(q.text()), Field.Store.NO));
                doc.add(new TextField("tags", synonyms.foldKeeping(String.join(" ", q.tags()).replace('-', ' ')), Field.Store.NO));
                doc.add(new TextField("topic", synonyms.foldKeeping(q.topic()), Field.Store.NO));
                doc.add(new TextField("claims", synonyms.foldKeeping(q.keyPoints().stream().map(KeyPoint::claim).collect(Collectors.joining(". "))),
                        Field.Store.NO));
                doc.add(new TextField("answer", synonyms.foldKeeping(q.answer()), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("could not index the bank for search", e);
        }
        try {
            return DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not index the bank for search", e);
        }
    }

    private List<Sentence> sentences(Question q) {
        List<String> texts = new ArrayList<>(List.of(q.text()));
        texts.addAll(List.of(q.answer().replaceAll("[*_`#>]", "").split("(?<=[.!?])\\s+|\\n+")));
        List<Sentence> out = new ArrayList<>();
        for (String text : texts) {
            if (text.isBlank()) {
                continue;
            }
            String[] words = text.strip().split("\\s+");
            List<Set<String>> terms = new ArrayList<>();
            for (String w : words) {
                terms.add(Set.copyOf(analyze(synonyms.foldKeeping(w))));
            }
            out.add(new Sentence(words, terms));
        }
        return out;
    }

    @Override
    public List<SearchHit> search(String words, int limit) {
        IndexSearcher s = searcher;
        List<String> terms = terms(words);
        if (s == null || terms.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        try {
            // a word the bank never uses is most likely a typo: it matches with one edit
            terms = terms.stream().map(t -> known(s, t) ? t : "~" + t).toList();
            collect(s, all(terms), limit, ids);
            if (ids.size() < limit && terms.size() > 1) {
                collect(s, any(terms), limit, ids);
            }

        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> plain = terms.stream().map(t -> t.startsWith("~") ? t.substring(1) : t).toList();
        return ids.stream().map(byId::get).filter(q -> q != null).map(q -> new SearchHit(q, snippet(q, plain))).toList();
    }

    /** The member's words as index terms: synonyms folded, asking words dropped (unless nothing else is left). */
    List<String> terms(String words) {
        List<String> raw = new ArrayList<>();
        Matcher m = WORD.matcher(words);
        while (m.find() && raw.size() < MAX_WORDS) {
            raw.add(m.group());
        }
        List<String> kept = raw.stream().filter(w -> !ASKING.contains(w.toLowerCase(Locale.ROOT))).toList();
        String text = String.join(" ", kept.isEmpty() ? raw : kept);
        return analyze(synonyms.fold(text)).stream().distinct().toList();
    }

    private List<String> analyze(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("question", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every term in some field; the question's own words in order count extra. */
    private Query all(List<String> terms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String t : terms) {
            query.add(acrossFields(t), BooleanClause.Occur.MUST);
        }
        if (terms.size() > 1 && terms.stream().noneMatch(t -> t.startsWith("~"))) {
            query.add(new BoostQuery(new PhraseQuery(2, "question", terms.toArray(String[]::new)), 3f), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private Query any(List<String> terms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String t : terms) {
            query.add(acrossFields(t), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /** A term in some field; one marked {@code ~} (unknown to the bank) with one edit allowed. */
    private static Query acrossFields(String term) {
        boolean fuzzy = term.startsWith("~");
        String t = fuzzy ? term.substring(1) : term;
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        BOOSTS.forEach((field, boost) -> {
            Query q = fuzzy && t.length() >= 4 ? new FuzzyQuery(new Term(field, t), t.length() >= 8 ? 2 : 1)
                    : new TermQuery(new Term(field, t));
            fields.add(new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
        });
        return fields.build();
    }

    private static boolean known(IndexSearcher s, String term) {
        try {
            for (String field : BOOSTS.keySet()) {
                if (s.getIndexReader().docFreq(new Term(field, term)) > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(IndexSearcher s, Query query, int limit, Set<String> ids) throws IOException {
        for (ScoreDoc hit : s.search(query, limit).scoreDocs) {
            if (ids.size() >= limit) {
                return;
            }
            ids.add(s.storedFields().document(hit.doc).get("id"));
        }
    }

    /** The sentence of the question or answer with most of the terms, cut to a few words around them, matches marked. */
    private String snippet(Question q, List<String> terms) {
        Set<String> wanted = Set.copyOf(terms);
        List<Sentence> all = sentences.computeIfAbsent(q.id(), id -> sentences(q));
        if (all.isEmpty()) {
            return q.text();
        }
        Sentence best = all.stream().max(Comparator.comparingLong(x -> x.matches(wanted))).orElseThrow();
        String[] words = best.words();
        int first = 0;
        for (int i = 0; i < words.length; i++) {
            if (hit(best, i, wanted)) {
                first = i;
                break;
            }
        }
        int from = Math.max(0, Math.min(first - 4, words.length - SNIPPET_WORDS));
        int to = Math.min(words.length, from + SNIPPET_WORDS);
        StringBuilder out = new StringBuilder(from > 0 ? "…" : "");
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.append(' ');
            }
            out.append(hit(best, i, wanted) ? SearchHit.MARK_START + words[i] + SearchHit.MARK_END : words[i]);
        }
        return out.append(to < words.length ? "…" : "").toString();
    }

    private static boolean hit(Sentence s, int word, Set<String> wanted) {
        return s.terms().get(word).stream().anyMatch(wanted::contains);
    }
}
