package dev.studybot.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the list styles that people paste from word processors and chat tools into CommonMark,
 * line by line, remembering which source line each output line came from:
 * {@code •} bullets and {@code o} sub-bullets become nested {@code -} items, tabs after list
 * markers become spaces, {@code <br>} is dropped, and a list item that follows text directly gets
 * a blank line before it (CommonMark lets only an item numbered 1 interrupt a paragraph, and
 * pasted lists are often numbered wrongly).
 */
final class SeedStyle {
    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern ORDERED = Pattern.compile("^(\\s*)(\\d{1,3}[.)])[ \\t]+(?=\\S)(.*)$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)([-*+])[ \\t]+(?=\\S)(.*)$");
    /** Word-processor bullets: first level and the usual second and third levels. */
    private static final Pattern TOP_SYMBOL = Pattern.compile("^(\\s*)[•●■·][ \\t]*(?=\\S)(.*)$");
    private static final Pattern SUB_SYMBOL = Pattern.compile("^(\\s*)[◦○][ \\t]*(?=\\S)(.*)$");
    private static final Pattern SUB_SUB_SYMBOL = Pattern.compile("^(\\s*)[▪▫‣⁃][ \\t]*(?=\\S)(.*)$");
    /** "o" used as a sub-bullet: followed by a tab, or by a space right under another bullet. */
    private static final Pattern LETTER_O_TAB = Pattern.compile("^(\\s*)o\\t+(?=\\S)(.*)$");
    private static final Pattern LETTER_O_SPACE = Pattern.compile("^(\\s*)o (?=\\S)(.*)$");

    /**
     * CommonMark text and, for each of its lines, the 1-based source line, whether it is a blank
     * line added here, and whether the source line ended with a {@code <br>}.
     */
    record Result(String text, List<String> lines, int[] sourceLine, boolean[] added, boolean[] broken) {
        int source(int index) {
            return index < sourceLine.length ? sourceLine[index] : sourceLine.length == 0 ? 1 : sourceLine[sourceLine.length - 1];
        }

        /** Lines {@code from..to} as the author wrote them: without the blank lines added here, a break where a {@code <br>} was. */
        List<String> authored(int from, int to) {
            List<String> out = new ArrayList<>();
            for (int i = Math.max(0, from); i <= to && i < lines.size(); i++) {
                if (!added[i]) {
                    out.add(lines.get(i));
                    if (broken[i] && !lines.get(i).isBlank()) {
                        out.add("");
                    }
                }
            }
            return out;
        }
    }

    private SeedStyle() {
    }

    static Result normalize(String text) {
        String[] in = text.split("\\R", -1);
        List<String> out = new ArrayList<>();
        List<Integer> map = new ArrayList<>();
        List<Boolean> added = new ArrayList<>();
        List<Boolean> broken = new ArrayList<>();
        int topContent = 0;     // content column of the last first-level bullet written
        int subContent = 2;     // content column of the last second-level bullet written
        boolean previousWasItem = false;  // the last non-blank line was a list item
        boolean pastedList = false;       // ... written with word-processor bullets or a tab after the marker
        for (int n = 0; n < in.length; n++) {
            String raw = in[n];
            boolean hadBreak = BR.matcher(raw).find();
            String line = BR.matcher(raw).replaceAll("");
            if (hadBreak && line.isBlank()) {
                line = "";
            }
            line = stripTrailingBreakSpaces(line, hadBreak);
            String item = null;
            int content = -1;
            boolean sub = false;
            Matcher m;
            boolean pasted = true;
            if ((m = TOP_SYMBOL.matcher(line)).matches()) {
                item = m.group(1) + "- " + m.group(2);
                content = m.group(1).length() + 2;
                topContent = content;
            } else if ((m = SUB_SYMBOL.matcher(line)).matches() || (m = LETTER_O_TAB.matcher(line)).matches()
                    || previousWasItem && (m = LETTER_O_SPACE.matcher(line)).matches()) {
                item = " ".repeat(topContent) + "- " + m.group(2);
                content = topContent + 2;
                subContent = content;
                sub = true;
            } else if ((m = SUB_SUB_SYMBOL.matcher(line)).matches()) {
                item = " ".repeat(subContent) + "- " + m.group(2);
                sub = true;
            } else if ((m = ORDERED.matcher(line)).matches()) {
                pasted = line.startsWith("\t", m.end(2));
                item = m.group(1) + m.group(2) + " " + m.group(3);
                content = m.group(1).length() + m.group(2).length() + 1;
            } else if ((m = BULLET.matcher(line)).matches()) {
                pasted = line.startsWith("\t", m.end(2));
                item = m.group(1) + m.group(2) + " " + m.group(3);
                content = m.group(1).length() + 2;
            }
            if (item != null) {
                if (!sub && content >= 0) {
                    topContent = content;
                }
                if (!out.isEmpty() && !out.get(out.size() - 1).isBlank()) {
                    out.add("");
                    map.add(n + 1);
                    added.add(true);
                    broken.add(false);
                }
                out.add(item);
                previousWasItem = true;
                pastedList = pasted;
            } else {
                // pasted lists have no lazy continuation lines: text at the margin after one is a new block
                if (previousWasItem && pastedList && !line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                    out.add("");
                    map.add(n + 1);
                    added.add(true);
                    broken.add(false);
                }
                out.add(line);
                previousWasItem = previousWasItem && line.isBlank();
            }
            map.add(n + 1);
            added.add(false);
            broken.add(hadBreak);
        }
        int[] lines = map.stream().mapToInt(Integer::intValue).toArray();
        boolean[] isAdded = new boolean[added.size()];
        boolean[] isBroken = new boolean[broken.size()];
        for (int i = 0; i < isAdded.length; i++) {
            isAdded[i] = added.get(i);
            isBroken[i] = broken.get(i);
        }
        return new Result(String.join("\n", out), List.copyOf(out), lines, isAdded, isBroken);
    }

    /** "text<br>" ends a line on purpose: keep it a line of its own, not a hard break marker. */
    private static String stripTrailingBreakSpaces(String line, boolean hadBreak) {
        return hadBreak ? line.stripTrailing() : line;
    }
}
