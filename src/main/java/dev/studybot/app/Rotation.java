package dev.studybot.app;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Question;
import dev.studybot.domain.Schedule;
import dev.studybot.port.out.PostStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks a channel's next question. Within a cycle no question repeats; a new cycle starts when
 * every eligible question has been posted. The order is a shuffle derived from the channel and the
 * cycle, and what was posted is in the store, so it survives restarts.
 */
public final class Rotation {
    private final Decks decks;
    private final PostStore posts;

    public Rotation(Decks decks, PostStore posts) {
        this.decks = decks;
        this.posts = posts;
    }

    /** The next question and the cycle it belongs to; empty when no question passes the filters. */
    public Optional<Pick> next(ChannelRef channel, Optional<Schedule> schedule) {
        List<Question> eligible = decks.questionsIn(channel.workspaceRef(), schedule.map(Schedule::decks).orElse(List.of())).stream()
                .filter(Question::hasAnswer)
                .filter(q -> schedule.map(s -> s.admits(q)).orElse(true))
                .toList();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        int cycle = Math.max(1, posts.currentCycle(channel));
        Set<String> used = posts.questionsInCycle(channel, cycle);
        List<Question> remaining = eligible.stream().filter(q -> !used.contains(q.id())).toList();
        if (remaining.isEmpty()) {
            cycle++;
            remaining = eligible;
        }
        String seed = channel.key() + "#" + cycle + "#";
        Question pick = remaining.stream().min(Comparator.comparing((Question q) -> order(seed + q.id()))).orElseThrow();
        return Optional.of(new Pick(pick, cycle));
    }

    /** A question and the rotation cycle it is posted in. */
    public record Pick(Question question, int cycle) {
    }

    private static String order(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
