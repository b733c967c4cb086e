package dev.studybot.platform.discord;

import dev.studybot.domain.QuestionDraft;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Question forms that came back with problems, kept for the button that opens them again as typed
 * (a modal cannot answer a modal's submission). The latest few hundred are kept, each for the
 * member who typed it; after a restart the reply's text still holds every field.
 */
final class DiscordDrafts {
    private static final int KEPT = 500;

    private record Kept(String userId, QuestionDraft draft) {
    }

    private final AtomicLong next = new AtomicLong(System.nanoTime() & 0xFFFFFFFFL);
    private final Map<String, Kept> drafts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > KEPT;
        }
    };

    /** Keeps the draft; the custom id of the button that opens it again. */
    synchronized String keep(String userId, QuestionDraft draft) {
        String token = Long.toString(next.incrementAndGet(), 36);
        drafts.put(token, new Kept(userId, draft));
        return DiscordIds.QUESTION_RETRY + token;
    }

    /** The draft behind a button, for the member who typed it. */
    synchronized Optional<QuestionDraft> get(String customId, String userId) {
        if (!customId.startsWith(DiscordIds.QUESTION_RETRY)) {
            return Optional.empty();
        }
        Kept kept = drafts.get(customId.substring(DiscordIds.QUESTION_RETRY.length()));
        return kept != null && kept.userId().equals(userId) ? Optional.of(kept.draft()) : Optional.empty();
    }
}
