package dev.studybot.platform.slack;

import java.util.Optional;

/**
 * What the answer modal carries in its {@code private_metadata} (Slack returns it unchanged with
 * the submission): the post, the channel it was opened from, and the {@code response_url} to
 * answer through, if there was one.
 */
record FormOrigin(long postId, String channel, String responseUrl) {
    private static final String VERSION = "1";

    String encode() {
        return VERSION + "\n" + postId + "\n" + channel + "\n" + (responseUrl == null ? "" : responseUrl);
    }

    static Optional<FormOrigin> parse(String metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        String[] parts = metadata.split("\n", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION) || parts[2].isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FormOrigin(Long.parseLong(parts[1]), parts[2], parts[3].isBlank() ? null : parts[3]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
