package dev.studybot.port.out;

import java.util.List;
import java.util.Optional;

/**
 * How alike two sentences are in meaning, from -1 to 1 (cosine of sentence embeddings). The model
 * may still be loading: {@link #embed} is then empty and grading goes on by words alone.
 */
public interface SentenceSimilarity {

    /** The sentences' vectors, unit length, in order; empty while the model is not ready. */
    Optional<List<float[]>> embed(List<String> sentences);

    /** The cosine of two unit vectors. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** No model: grading by words alone. */
    SentenceSimilarity NONE = sentences -> Optional.empty();
}
