package dev.studybot.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what an admin typed for a schedule into a Quartz cron expression: plain forms such as
 * {@code daily 09:00}, {@code weekdays 09:30}, {@code mon,wed,fri 17:00}, a bare {@code 09:00},
 * a 6- or 7-field Quartz cron, or a 5-field Unix cron with named days.
 */
public final class WhenParser {
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Map<String, String> DAYS = Map.of("mon", "MON", "tue", "TUE", "wed", "WED",
            "thu", "THU", "fri", "FRI", "sat", "SAT", "sun", "SUN");
    private static final Pattern UNIX_DOW = Pattern.compile("[A-Za-z*?,\\-]+");

    public String toCron(String when) throws CommandSyntaxException {
        String[] parts = when.strip().split("\\s+");
        Matcher time = TIME.matcher(parts[parts.length - 1]);
        if (parts.length <= 2 && time.matches()) {
            int hour = Integer.parseInt(time.group(1));
            int minute = Integer.parseInt(time.group(2));
            if (hour > 23 || minute > 59) {
                throw new CommandSyntaxException("'" + parts[parts.length - 1] + "' is not a time of day: use HH:MM on a 24-hour clock, e.g. 09:30.");
            }
            String days = parts.length == 1 ? "*" : days(parts[0]);
            return "0 " + minute + " " + hour + " ? * " + days;
        }
        if (parts.length == 5) {
            return checkRanges(fromUnix(parts));
        }
        if (parts.length == 6 || parts.length == 7) {
            return checkRanges(String.join(" ", parts));
        }
        throw new CommandSyntaxException("'" + Texts.shorten(when, 60) + "' is not a schedule. Use 'daily 09:00', 'weekdays 09:30', "
                + "'mon,wed,fri 17:00' or a Quartz cron expression such as '0 0 9 ? * MON-FRI'.");
    }

    private static final String[] FIELD = {"seconds", "minutes", "hours", "day of month", "month", "day of week", "year"};
    private static final int[][] RANGE = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {1, 7}, {1970, 2199}};
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** Quartz lets some out-of-range numbers through (a minute of 99); name the field instead. */
    private static String checkRanges(String cron) throws CommandSyntaxException {
        String[] fields = cron.split(" ");
        for (int i = 0; i < fields.length; i++) {
            for (String part : fields[i].split(",")) {
                String range = part.contains("/") ? part.substring(0, part.indexOf('/')) : part;
                Matcher n = NUMBER.matcher(range.replaceAll("[LW#].*$", ""));
                while (n.find()) {
                    long v = Long.parseLong(n.group().length() > 6 ? "9999999" : n.group());
                    if (v < RANGE[i][0] || v > RANGE[i][1]) {
                        throw new CommandSyntaxException("'" + cron + "' is not a valid cron expression: " + FIELD[i] + " must be "
                                + RANGE[i][0] + " to " + RANGE[i][1] + ", not " + n.group() + ".");
                    }
                }
            }
        }
        return cron;
    }

    private static String days(String spec) throws CommandSyntaxException {
        String s = spec.toLowerCase(Locale.ROOT);
        switch (s) {
            case "daily", "everyday", "every-day":
                return "*";
            case "weekdays", "weekday":
                return "MON-FRI";
            case "weekends", "weekend":
                return "SAT,SUN";
            default:
                break;
        }
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String[] range = part.split("-", -1);
            List<String> named = new ArrayList<>();
            for (String day : range) {
                String d = day.length() >= 3 ? DAYS.get(day.substring(0, 3)) : null;
                if (d == null || !(day.length() == 3 || fullName(day))) {
                    throw new CommandSyntaxException("'" + Texts.shorten(spec, 30) + "' is not a day list: use daily, weekdays, weekends "
                            + "or days like mon,wed,fri or mon-thu.");
                }
                named.add(d);
            }
            out.add(String.join("-", named));
        }
        return String.join(",", out);
    }

    private static boolean fullName(String day) {
        return List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday").contains(day);
    }

    private static String fromUnix(String[] f) throws CommandSyntaxException {
        String dom = f[2];
        String dow = f[4];
        if (!dow.equals("*") && !UNIX_DOW.matcher(dow).matches()) {
            throw new CommandSyntaxException("In a 5-field cron, name the days (MON-FRI) rather than numbering them: "
                    + "Unix and Quartz number weekdays differently.");
        }
        if (dow.equals("*")) {
            dow = "?";
        } else if (dom.equals("*")) {
            dom = "?";
        }
        return "0 " + f[0] + " " + f[1] + " " + dom + " " + f[3] + " " + dow.toUpperCase(Locale.ROOT);
    }
}
