package dev.studybot.grading;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.studybot.port.out.SentenceSimilarity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentence similarity with all-MiniLM-L6-v2 (quantized, ONNX), which ships inside its Maven jar and
 * runs on the JVM: nothing is downloaded. The model loads on a background thread from the moment
 * this is built, off the start path; until it is ready, grading goes on by words alone.
 */
public final class MiniLmSentenceSimilarity implements SentenceSimilarity {
    private static final Logger LOG = LoggerFactory.getLogger(MiniLmSentenceSimilarity.class);

    private final CompletableFuture<EmbeddingModel> model;

    public MiniLmSentenceSimilarity() {
        model = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            EmbeddingModel m = new AllMiniLmL6V2QuantizedEmbeddingModel();
            LOG.info("Sentence model ready in {} ms", (System.nanoTime() - start) / 1_000_000);
            return m;
        }, r -> Thread.ofPlatform().name("studybot-sentence-model").daemon(true).start(r));
        model.exceptionally(e -> {
            LOG.warn("The sentence model did not load; grading goes on by words alone: {}", e.toString());
            return null;
        });
    }

    /** Waits until the model is loaded (for benchmarks and tests); false when it failed or took longer. */
    public boolean awaitReady(Duration timeout) {
        try {
            return model.get(timeout.toMillis(), TimeUnit.MILLISECONDS) != null;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public Optional<List<float[]>> embed(List<String> sentences) {
        EmbeddingModel m = model.isDone() && !model.isCompletedExceptionally() ? model.join() : null;
        if (m == null) {
            return Optional.empty();
        }
        if (sentences.isEmpty()) {
            return Optional.of(List.of());
        }
        List<Embedding> embeddings = m.embedAll(sentences.stream().map(TextSegment::from).toList()).content();
        return Optional.of(embeddings.stream().map(MiniLmSentenceSimilarity::unit).toList());
    }

    private static float[] unit(Embedding e) {
        float[] v = e.vector().clone();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
