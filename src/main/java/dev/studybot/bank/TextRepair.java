package dev.studybot.bank;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the bytes of a pasted question list into clean text: UTF-8 (or Windows-1252 when the
 * bytes are not UTF-8), with mojibake repaired. Mojibake is UTF-8 that was once decoded as
 * Windows-1252, so {@code you’d} reads {@code youâ€™d} and an emoji {@code ðŸŒŸ}; each such run
 * is re-encoded to the bytes it came from and decoded again, but only when those bytes are valid
 * UTF-8, so real accents ({@code café}, {@code naïve}) stay as they are.
 */
public final class TextRepair {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    /** Windows-1252 characters back to their byte; the five unassigned bytes map to C1 controls. */
    private static final Map<Character, Byte> CP1252_BYTES = new HashMap<>();

    static {
        for (int b = 0x80; b <= 0xFF; b++) {
            String decoded = new String(new byte[] {(byte) b}, CP1252);
            char c = decoded.charAt(0);
            CP1252_BYTES.put(c == '\uFFFD' ? (char) b : c, (byte) b);
        }
    }

    /**
     * Where a decoder met one of the five bytes Windows-1252 leaves unassigned it wrote U+FFFD;
     * in mojibake that byte is nearly always 0x9D, the end of a right double quote (E2 80 9D).
     */
    private static final char LOST = '\uFFFD';

    private TextRepair() {
    }

    /** Decodes a file's bytes: UTF-8 if they are valid UTF-8 (a BOM is dropped), else Windows-1252. */
    public static String decode(byte[] bytes) {
        String text;
        try {
            text = strictUtf8().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, CP1252);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return repairMojibake(text);
    }

    /** Repairs every run of Windows-1252 characters that is really misread UTF-8. */
    public static String repairMojibake(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c < 0x80 || !mojibakeChar(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && text.charAt(end) >= 0x80 && mojibakeChar(text.charAt(end))) {
                end++;
            }
            out.append(repairRun(text.substring(i, end)));
            i = end;
        }
        return out.toString();
    }

    /** A run may mix mojibake and genuine Latin-1 letters: fix the longest valid pieces from the left. */
    private static String repairRun(String run) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < run.length()) {
            String fixed = null;
            int used = 0;
            // a UTF-8 sequence is 2 to 4 bytes; several may follow each other in one run
            for (int len = Math.min(4, run.length() - i); len >= 2; len--) {
                String decoded = asUtf8(run.substring(i, i + len));
                if (decoded != null) {
                    fixed = decoded;
                    used = len;
                    break;
                }
            }
            if (fixed == null) {
                out.append(run.charAt(i));
                i++;
            } else {
                out.append(fixed);
                i += used;
            }
        }
        return out.toString();
    }

    private static String asUtf8(String chars) {
        byte[] bytes = new byte[chars.length()];
        for (int k = 0; k < chars.length(); k++) {
            bytes[k] = chars.charAt(k) == LOST ? (byte) 0x9D : CP1252_BYTES.get(chars.charAt(k));
        }
        if ((bytes[0] & 0xC0) != 0xC0) {
            return null;
        }
        try {
            CharBuffer decoded = strictUtf8().decode(ByteBuffer.wrap(bytes));
            String s = decoded.toString();
            // one code point (a single character or a surrogate pair): a whole UTF-8 sequence
            return s.codePointCount(0, s.length()) == 1 ? s : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean mojibakeChar(char c) {
        return c == LOST || CP1252_BYTES.containsKey(c);
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
