package dev.studybot.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file the bot hands a member with a reply (a deck exported as bank YAML): its plain file name,
 * its bytes and their media type. Equal when name, type and bytes are equal.
 */
public record Attachment(String fileName, byte[] content, String mediaType) {
    public Attachment {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mediaType, "mediaType");
        if (fileName == null || !fileName.matches("[a-z0-9][a-z0-9._-]{0,80}\\.[a-z0-9]{1,8}")) {
            throw new IllegalArgumentException("file name " + fileName + " is not a plain lower-case file name");
        }
        content = content.clone();
    }

    /** A UTF-8 text file. */
    public static Attachment text(String fileName, String text, String mediaType) {
        return new Attachment(fileName, text.getBytes(StandardCharsets.UTF_8), mediaType);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content read as UTF-8. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && fileName.equals(a.fileName) && mediaType.equals(a.mediaType) && Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, mediaType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + content.length + " bytes, " + mediaType + "]";
    }
}
