package dev.studybot.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * An image the bot shows beside a reply's text: PNG bytes, the sentence that says what it shows
 * (alt text, for screen readers and for platforms that cannot show it), and a file name.
 * Equal when the bytes are equal, so replies with pictures compare by what they show.
 */
public record Picture(byte[] png, String altText, String fileName) {
    public Picture {
        Objects.requireNonNull(png, "png");
        if (png.length == 0) {
            throw new IllegalArgumentException("a picture needs bytes");
        }
        if (altText == null || altText.isBlank()) {
            throw new IllegalArgumentException("every picture needs alt text");
        }
        if (fileName == null || !fileName.matches("[a-z0-9][a-z0-9._-]{0,80}\\.png")) {
            throw new IllegalArgumentException("file name " + fileName + " is not a plain lower-case .png name");
        }
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    /** The size of the PNG in bytes. */
    public int size() {
        return png.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Picture p && Arrays.equals(png, p.png) && altText.equals(p.altText) && fileName.equals(p.fileName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(png), altText, fileName);
    }

    @Override
    public String toString() {
        return "Picture[" + fileName + ", " + png.length + " bytes, alt=" + altText + "]";
    }
}
