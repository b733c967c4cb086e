package dev.studybot.app;

import dev.studybot.domain.Level;
import dev.studybot.domain.Period;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.CommandCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the text after {@code /study} into an {@link Action}: one grammar for Slack and the console. */
public final class CommandParser {

    static final List<String> VERBS = List.of("help", "today", "question", "random", "search", "topics",
            "answer", "reveal", "history", "leaderboard", "stats", "mastery", "review", "team", "schedule", "post", "season", "bank", "suggest", "suggestions",
            "decks");

    public Action parse(String text) throws CommandSyntaxException {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.startsWith("/study")) {
            trimmed = trimmed.substring("/study".length()).strip();
        }
        if (trimmed.isEmpty()) {
            return new Action.Help();
        }
        String[] split = trimmed.split("\\s+", 2);
        String verb = split[0].toLowerCase(Locale.ROOT);
        String rest = split.length > 1 ? split[1].strip() : "";
        List<String> words = rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+"));
        return switch (verb) {
            case "help" -> new Action.Help();
            case "today" -> new Action.Today();
            case "question" -> question(words, rest);
            case "random" -> random(words);
            case "search" -> new Action.Search(required(rest, "search", "words to look for, e.g. /study search dropout"));
            case "topics" -> new Action.Topics();
            case "answer" -> new Action.Answer(rest.isEmpty() ? Optional.empty() : Optional.of(rest), Optional.empty());
            case "reveal" -> new Action.Reveal(words.isEmpty() ? Optional.empty() : Optional.of(words.get(0)), Optional.empty());
            case "leaderboard" -> leaderboard(words);
            case "stats" -> new Action.Stats(rest.isEmpty() ? Optional.empty() : Optional.of(rest));
            case "mastery" -> new Action.ChannelMastery();
            case "review" -> review(words, rest);
            case "team" -> team(words, rest);
            case "schedule" -> schedule(words, rest);
            case "post" -> new Action.PostNow();
            case "season" -> season(words, rest);
            case "history" -> new Action.History(words.isEmpty() ? Optional.empty() : Optional.of(words.get(0)));
            case "bank" -> bank(words);
            case "suggest" -> SuggestionSyntax.suggest(rest);
            case "suggestions" -> SuggestionSyntax.suggestions(words, rest);
            case "decks" -> new Action.DeckList();
            default -> throw new CommandSyntaxException(unknown("command", verb, VERBS) + " Try /study help.");
        };
    }

    private static String required(String rest, String verb, String what) throws CommandSyntaxException {
        if (rest.isEmpty()) {
            throw new CommandSyntaxException("/study " + verb + " needs " + what + ".");
        }
        return rest;
    }

    /** A topic and a level in any order: {@code random basic cnn} is {@code random cnn basic}. */
    private static Action random(List<String> words) {
        List<String> topic = new ArrayList<>();
        Optional<Level> level = Optional.empty();
        for (int i = words.size() - 1; i >= 0; i--) {
            Optional<Level> l = level.isEmpty() ? Level.parse(words.get(i)) : Optional.empty();
            if (l.isPresent()) {
                level = l;
            } else {
                topic.add(0, words.get(i));
            }
        }
        return new Action.RandomQuestion(topic.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", topic)), level);
    }

    /**
     * {@code leaderboard [week|month|season [NAME]|all] [teams] [chart]}, in any order; after
     * {@code season}, the words up to the trailing {@code teams} and {@code chart} name the season
     * ("season Team Cup teams" is season Team Cup, by team).
     */
    private static Action leaderboard(List<String> words) throws CommandSyntaxException {
        Period period = Period.WEEK;
        boolean teams = false;
        boolean chart = false;
        int end = words.size();
        List<String> season = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            String w = words.get(i).toLowerCase(Locale.ROOT);
            if (w.equals("season")) {
                period = Period.SEASON;
                while (end > i + 1 && isFlag(words.get(end - 1))) {
                    end--;
                    teams |= !words.get(end).equalsIgnoreCase("chart");
                    chart |= words.get(end).equalsIgnoreCase("chart");
                }
                season.addAll(words.subList(i + 1, end));
                break;
            }
            if (w.equals("teams") || w.equals("team")) {
                teams = true;
            } else if (w.equals("chart")) {
                chart = true;
            } else {
                Optional<Period> p = Period.parse(w);
                if (p.isEmpty()) {
                    throw new CommandSyntaxException("'" + words.get(i) + "' is not a leaderboard period: use week, month, season [name] or all, "
                            + "'teams' for team standings and 'chart' for a chart.");
                }
                period = p.get();
            }
        }
        return new Action.Leaderboard(period, teams, season.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", season)), chart);
    }

    private static boolean isFlag(String word) {
        return List.of("teams", "team", "chart").contains(word.toLowerCase(Locale.ROOT));
    }

    private static Action team(List<String> words, String rest) throws CommandSyntaxException {
        if (words.isEmpty()) {
            throw new CommandSyntaxException("/study team needs a subcommand: create, join, leave or list.");
        }
        String sub = words.get(0).toLowerCase(Locale.ROOT);
        String name = rest.substring(words.get(0).length()).strip();
        return switch (sub) {
            case "create" -> new Action.TeamCreate(required(name, "team create", "a team name"));
            case "join" -> new Action.TeamJoin(required(name, "team join", "the name of a team (see /study team list)"));
            case "leave" -> new Action.TeamLeave();
            case "list" -> new Action.TeamList();
            default -> throw new CommandSyntaxException(unknown("team subcommand", sub, List.of("create", "join", "leave", "list")));
        };
    }

    /**
     * {@code review} alone or {@code review next [topic]}: the next review; {@code review TOPIC}
     * too, when the first word is no subcommand; {@code answer TEXT}, {@code on}, {@code off},
     * {@code remind HH:MM [zone]} or {@code remind off}.
     */
    private static Action review(List<String> words, String rest) throws CommandSyntaxException {
        if (words.isEmpty()) {
            return new Action.ReviewNext(Optional.empty());
        }
        String sub = words.get(0).toLowerCase(Locale.ROOT);
        String after = rest.substring(words.get(0).length()).strip();
        return switch (sub) {
            case "next" -> new Action.ReviewNext(after.isEmpty() ? Optional.empty() : Optional.of(after));
            case "answer" -> new Action.ReviewAnswer(required(after, "review answer", "your answer, e.g. /study review answer Dropout zeroes..."));
            case "on" -> new Action.ReviewSwitch(true);
            case "off" -> new Action.ReviewSwitch(false);
            case "remind" -> {
                if (words.size() < 2 || words.size() > 3) {
                    throw new CommandSyntaxException("/study review remind needs a local time and optionally a timezone, e.g. "
                            + "/study review remind 08:30 Europe/Berlin, or /study review remind off.");
                }
                yield new Action.ReviewRemind(words.get(1), words.size() == 3 ? Optional.of(words.get(2)) : Optional.empty());
            }
            default -> new Action.ReviewNext(Optional.of(rest));
        };
    }

    private static Action bank(List<String> words) throws CommandSyntaxException {
        if (words.isEmpty()) {
            throw new CommandSyntaxException("/study bank needs a subcommand: reload, import or import confirm.");
        }
        String sub = words.get(0).toLowerCase(Locale.ROOT);
        if (sub.equals("import") || sub.equals("confirm")) {
            return SuggestionSyntax.bankImport(words);
        }
        if (sub.equals("export")) {
            return new Action.BankExport(required(String.join(" ", words.subList(1, words.size())), "bank export",
                    "a deck, e.g. /study bank export team (see /study decks)"));
        }
        if (!sub.equals("reload")) {
            throw new CommandSyntaxException(unknown("bank subcommand", sub, List.of("reload", "import", "export")));
        }
        return new Action.BankReload();
    }

    /** {@code question ID} shows one; {@code question show|add|edit|remove ...} manage the team's own. */
    private static Action question(List<String> words, String rest) throws CommandSyntaxException {
        String sub = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
        String after = words.isEmpty() ? "" : rest.substring(words.get(0).length()).strip();
        return switch (sub) {
            case "add" -> new Action.QuestionAdd(after.isEmpty() ? Optional.empty() : Optional.of(after));
            case "edit" -> new Action.QuestionEdit(required(after, "question edit", "the id of one of the team's own questions"));
            case "remove" -> new Action.QuestionRemove(required(after, "question remove", "the id of one of the team's own questions"));
            case "show" -> new Action.ShowQuestion(required(after, "question show", "a question id, e.g. /study question reg-dropout"));
            default -> new Action.ShowQuestion(required(rest, "question", "a question id, e.g. /study question reg-dropout"));
        };
    }

    private static Action season(List<String> words, String rest) throws CommandSyntaxException {
        if (words.isEmpty()) {
            throw new CommandSyntaxException("/study season needs a subcommand: list, start NAME or end.");
        }
        String sub = words.get(0).toLowerCase(Locale.ROOT);
        return switch (sub) {
            case "start" -> new Action.SeasonStart(required(rest.substring(words.get(0).length()).strip(), "season start", "a season name"));
            case "end" -> new Action.SeasonEnd();
            case "list" -> new Action.SeasonList();
            default -> throw new CommandSyntaxException(unknown("season subcommand", sub, List.of("list", "start", "end")));
        };
    }

    private static Action schedule(List<String> words, String rest) throws CommandSyntaxException {
        if (words.isEmpty()) {
            throw new CommandSyntaxException("/study schedule needs a subcommand: set, show or off.");
        }
        String sub = words.get(0).toLowerCase(Locale.ROOT);
        return switch (sub) {
            case "show" -> new Action.ScheduleShow();
            case "off" -> new Action.ScheduleOff();
            case "set" -> scheduleSet(tokens(rest.substring(words.get(0).length())));
            default -> throw new CommandSyntaxException(unknown("schedule subcommand", sub, List.of("set", "show", "off")));
        };
    }

    private static Action scheduleSet(List<String> args) throws CommandSyntaxException {
        List<String> when = new ArrayList<>();
        Optional<String> topic = Optional.empty();
        Optional<Level> level = Optional.empty();
        List<String> decks = new ArrayList<>();
        for (String arg : args) {
            String lower = arg.toLowerCase(Locale.ROOT);
            if (lower.matches("decks?[:=].*")) {
                decks.addAll(CommandCatalog.decks(Optional.of(arg.substring(lower.startsWith("decks") ? 6 : 5).replace("\"", ""))));
            } else if (lower.startsWith("topic:") || lower.startsWith("topic=")) {
                String value = arg.substring(6);
                topic = Optional.of(unquoted(value) ? value.substring(1, value.length() - 1).strip().replaceAll("\\s+", " ")
                        : value.replace('_', ' ')).filter(t -> !t.isBlank());
            } else if (lower.startsWith("level:") || lower.startsWith("level=")) {
                String value = arg.substring(6);
                level = Optional.of(Level.parse(value).orElseThrow(() -> new CommandSyntaxException(
                        "'" + value + "' is not a level: use basic, intermediate or advanced.")));
            } else {
                when.add(arg);
            }
        }
        Optional<String> zone = Optional.empty();
        if (!when.isEmpty()) {
            String last = when.get(when.size() - 1);
            // after a time of day, a word of letters can only be a zone (CET, PST): read it as one, so a wrong one is named as a zone
            boolean afterTime = when.size() >= 2 && TIME.matcher(when.get(when.size() - 2)).matches() && ABBREVIATION.matcher(last).matches();
            if (afterTime || looksLikeZone(last)) {
                zone = Optional.of(when.remove(when.size() - 1));
            }
        }
        if (when.isEmpty()) {
            throw new CommandSyntaxException("/study schedule set needs a time, e.g. 'daily 09:00', 'weekdays 09:30 Europe/Berlin' or a cron expression.");
        }
        return new Action.ScheduleSet(String.join(" ", when), zone, topic, level, decks);
    }

    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");
    private static final Pattern ABBREVIATION = Pattern.compile("\\p{L}[\\p{L}_]{1,30}");
    private static final Pattern OFFSET = Pattern.compile("(?i)(UTC|GMT|UT)?[+-]\\d{1,2}(:?\\d{2})?");
    private static final Set<String> ABBREVIATIONS = Set.of("utc", "gmt", "cet", "cest", "eet", "eest", "wet", "west", "bst",
            "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "akdt", "hst", "ist", "jst", "kst", "aest", "aedt",
            "acst", "awst", "nzst", "nzdt", "msk", "hkt", "sgt", "ast");

    /**
     * A zone: an IANA name (Europe/Berlin), UTC, a known abbreviation (CET, PST) or an offset
     * (+05:30, UTC+05:30, GMT-3). Cron fields never start with a letter and hold a slash, nor
     * start with a sign, and no day name is a zone abbreviation.
     */
    static boolean looksLikeZone(String token) {
        if (ABBREVIATIONS.contains(token.toLowerCase(Locale.ROOT)) || OFFSET.matcher(token).matches()) {
            return true;
        }
        return Character.isLetter(token.charAt(0)) && token.indexOf('/') > 0 && !token.endsWith("/");
    }

    private static boolean unquoted(String value) {
        return value.length() >= 2 && isQuote(value.charAt(0)) && isQuote(value.charAt(value.length() - 1));
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\'';
    }

    /** Words split at white space, except inside double quotes ({@code topic:"Attention and Transformers"}). */
    static List<String> tokens(String text) throws CommandSyntaxException {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\u201C' || c == '\u201D') {
                quoted = !quoted;
                word.append('"');
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (quoted) {
            throw new CommandSyntaxException("A quote is not closed: put a topic of several words in double quotes, e.g. "
                    + "topic:\"Attention and Transformers\".");
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    static String unknown(String kind, String given, List<String> known) {
        String suggestion = Suggestions.closest(given, known)
                .map(s -> " Did you mean '" + s + "'?")
                .orElse("");
        return "Unknown " + kind + " '" + Texts.shorten(given, 40) + "'." + suggestion;
    }
}
