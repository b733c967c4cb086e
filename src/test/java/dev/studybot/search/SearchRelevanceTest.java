package dev.studybot.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.studybot.analysis.StudyAnalyzer;
import dev.studybot.bank.BankReader;
import dev.studybot.bank.LoadedBank;
import dev.studybot.domain.SearchHit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Everyday queries against the shipped bank (abbreviations, spellings, questions typed as
 * questions, a few typos), with the questions a person would expect: one of them in the top 3 for
 * at least 97% of the queries, and first for at least 85%.
 */
class SearchRelevanceTest {
    static final Path SET = Path.of("src/test/resources/search/relevance.yaml");

    record Outcome(int queries, int first, int top3, List<String> misses) {
    }

    static Outcome run() throws IOException {
        LoadedBank bank = new BankReader().readFolder(Path.of("questions"));
        LuceneQuestionSearch search = new LuceneQuestionSearch(new StudyAnalyzer(), bank.synonyms());
        search.index(bank.models());
        JsonNode set = new ObjectMapper(new YAMLFactory()).readTree(SET.toFile());
        int n = 0;
        int first = 0;
        int top3 = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode q : set.path("queries")) {
            n++;
            List<String> expected = new ArrayList<>();
            q.path("expect").forEach(id -> expected.add(id.asText()));
            List<String> got = search.search(q.path("query").asText(), 5).stream().map(SearchHit::question).map(x -> x.id()).toList();
            if (!got.isEmpty() && expected.contains(got.get(0))) {
                first++;
            }
            if (got.stream().limit(3).anyMatch(expected::contains)) {
                top3++;
            } else {
                misses.add(q.path("query").asText() + " -> " + got + " (expected " + expected + ")");
            }
        }
        return new Outcome(n, first, top3, misses);
    }

    @Test
    void everydayQueriesFindTheQuestionAPersonExpects() throws IOException {
        Outcome o = run();
        System.out.printf(Locale.ROOT, "search relevance: %d queries, first %.1f%%, top 3 %.1f%%%n", o.queries(),
                100.0 * o.first() / o.queries(), 100.0 * o.top3() / o.queries());
        assertThat(o.queries()).isGreaterThanOrEqualTo(60);
        assertThat((double) o.top3() / o.queries()).as("in the top 3; misses: %s", o.misses()).isGreaterThanOrEqualTo(0.97);
        assertThat((double) o.first() / o.queries()).as("first").isGreaterThanOrEqualTo(0.85);
    }
}
