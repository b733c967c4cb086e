package dev.studybot.platform.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slash command's text as the member typed it. Slack (with "escape channels, users and links"
 * on) sends mentions as {@code <@U123|name>}, channels as {@code <#C123|name>}, groups as
 * {@code <!subteam^S123|@handle>}, {@code @here} as {@code <!here>}, links as {@code <url|label>},
 * and {@code & < >} as entities: a member becomes {@code @U123} (the plain id the core looks
 * members up by), everything else goes back to the plain text that was typed.
 */
final class SlackText {
    private static final Pattern ENTITY = Pattern.compile("<([^<>]*)>");

    private SlackText() {
    }

    static String typed(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1))));
        }
        m.appendTail(out);
        return unescape(out.toString());
    }

    private static String entity(String inside) {
        int bar = inside.indexOf('|');
        String target = bar < 0 ? inside : inside.substring(0, bar);
        String label = bar < 0 ? "" : inside.substring(bar + 1);
        if (target.startsWith("@")) {
            return target;
        }
        if (target.startsWith("#")) {
            return label.isEmpty() ? target : "#" + label;
        }
        if (target.startsWith("!subteam^")) {
            return label.isEmpty() ? "@" + target.substring("!subteam^".length()) : label;
        }
        if (target.startsWith("!")) {
            String special = target.substring(1);
            int caret = special.indexOf('^');
            String word = caret < 0 ? special : special.substring(0, caret);
            if (word.equals("here") || word.equals("channel") || word.equals("everyone")) {
                return "@" + word;
            }
            return label.isEmpty() ? word : label;
        }
        return label.isEmpty() ? target : label;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
