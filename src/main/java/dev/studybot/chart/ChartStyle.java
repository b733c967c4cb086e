package dev.studybot.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Paint;
import java.awt.Stroke;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one look of every chart: a solid slate card with near-white text, so a chart reads the same
 * on a light and a dark chat theme, and a palette of mid-tone colours that stay apart on it. The
 * font is Liberation Sans, shipped in the jar, so text renders the same with no font installed.
 */
final class ChartStyle {
    /** Liberation Sans Regular (SIL Open Font License 1.1), copied into the jar from PDFBox's jar at build time. */
    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    static final Color CARD = new Color(0x2B, 0x2F, 0x3A);
    static final Color PLOT = new Color(0x33, 0x38, 0x45);
    static final Color TEXT = new Color(0xF2, 0xF4, 0xF8);
    static final Color MUTED = new Color(0xB8, 0xBE, 0xCC);
    static final Color GRID = new Color(0x55, 0x5C, 0x6B);
    static final Color NO_TEAM = new Color(0x8E, 0x96, 0xA6);
    /** Blue, orange, green, yellow, purple, teal, pink, sand: told apart on the card and by most colour-blind readers in pairs. */
    static final List<Color> PALETTE = List.of(new Color(0x5B, 0x9B, 0xE6), new Color(0xF0, 0x8A, 0x3C), new Color(0x5C, 0xC2, 0x6E),
            new Color(0xF2, 0xC9, 0x4C), new Color(0xB3, 0x8B, 0xE8), new Color(0x4F, 0xC9, 0xC9), new Color(0xE8, 0x6F, 0x8E),
            new Color(0xC9, 0xA8, 0x7C));
    static final Stroke GRID_STROKE = new BasicStroke(1f);
    static final int CORNER = 24;

    private final Font base;

    ChartStyle() {
        this.base = loadFont();
    }

    Font font(int style, float size) {
        return base.deriveFont(style, size);
    }

    static Paint colour(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    private static Font loadFont() {
        try (InputStream in = ChartStyle.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the chart font " + FONT_RESOURCE + " is missing from the jar");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the chart font " + FONT_RESOURCE + " cannot be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
