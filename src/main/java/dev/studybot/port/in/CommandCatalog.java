package dev.studybot.port.in;

import dev.studybot.domain.Level;
import dev.studybot.domain.Period;
import dev.studybot.domain.Reply;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every {@code /study} subcommand once: its usage, description, options with their limits, who may
 * run it and who sees its reply, and how typed options become an {@link Action}. {@code /study
 * help}, Discord's command definition and Slack's usage hint are all made from this list.
 */
public final class CommandCatalog {
    /** The one slash command. */
    public static final String COMMAND = "study";
    public static final String DESCRIPTION = "Daily deep-learning interview questions, answers and leaderboards";
    /** Team and season names. */
    public static final int MAX_NAME = 32;
    public static final int MAX_SEARCH = 200;
    public static final int MAX_ID = 100;
    public static final int MAX_WHEN = 100;
    /** What a suggestion's form fields take. */
    public static final int MAX_SUGGESTED_QUESTION = 500;
    public static final int MAX_SUGGESTED_ANSWER = 4000;
    public static final int MAX_SUGGESTED_CLAIMS = 1000;
    public static final int MAX_REASON = 500;
    /** A level as typed in a form ("intermediate" and room around it). */
    public static final int MAX_LEVEL = 20;

    /** The suggestion form with its fields' limits, for the core and for a platform that opens it without the core. */
    public static Reply.SuggestForm suggestForm() {
        return new Reply.SuggestForm(MAX_SUGGESTED_QUESTION, MAX_SUGGESTED_ANSWER, MAX_SUGGESTED_CLAIMS, MAX_ID, MAX_LEVEL);
    }
    /** The deck a new own question goes to when none is named. */
    public static final String DEFAULT_DECK = "team";
    /** A schedule's deck names, comma-separated. */
    public static final int MAX_DECKS = 200;

    /** What kind of value an option takes. */
    public enum Kind {
        /** Free text, up to {@code maxLength}. */
        TEXT,
        /** One of {@code choices}. */
        CHOICE,
        /** True or false. */
        FLAG,
        /** A member of the workspace (a mention, an id, or a display name). */
        MEMBER,
        /** A file attached to the command (Discord's attachment option); its value is the file's name. */
        FILE
    }

    /** Where suggestions for a text option come from, for platforms that autocomplete. */
    public enum Suggest {
        NONE, TOPIC, QUESTION_ID, TIMEZONE
    }

    /** One option of a subcommand. */
    public record Option(String name, Kind kind, boolean required, String description, int maxLength, List<String> choices, Suggest suggest) {
        public Option {
            Objects.requireNonNull(name, "name");
            choices = List.copyOf(choices);
        }
    }

    /**
     * One subcommand: {@code group} is empty for top-level ones ({@code /study today}) and names the
     * group otherwise ({@code /study team join}).
     */
    public record Spec(Optional<String> group, String name, String usage, String description, boolean adminOnly,
                       Visibility visibility, List<Option> options, Function<Map<String, String>, Action> build) {
        public Spec {
            options = List.copyOf(options);
        }

        /** "team join" or "today". */
        public String path() {
            return group.map(g -> g + " " + name).orElse(name);
        }

        /** The action for the given option values (names as in {@link #options}, values as typed). */
        public Action action(Map<String, String> values) {
            return build.apply(values);
        }
    }

    /** Descriptions of the groups, for platforms that show them. */
    public static final Map<String, String> GROUPS = Map.of(
            "team", "Teams for competitions",
            "schedule", "This channel's daily question",
            "season", "Named competition windows",
            "review", "Spaced repetition: your reviews, privately",
            "bank", "The question bank",
            "suggestions", "Questions members suggested, for admins",
            "question", "Questions: one by id, and the team's own");

    private static final List<Spec> SPECS = List.of(
            top("help", "/study help", "The commands, briefly", Visibility.ASKER, List.of(), v -> new Action.Help()),
            top("today", "/study today", "Today's question in this channel again", Visibility.ASKER, List.of(), v -> new Action.Today()),
            top("answer", "/study answer [text]", "Answer today's question (without text, a form opens)", Visibility.ASKER,
                    List.of(new Option("text", Kind.TEXT, false, "Your answer", 4000, List.of(), Suggest.NONE)),
                    v -> new Action.Answer(value(v, "text"), Optional.empty())),
            top("reveal", "/study reveal [id]", "The model answer, just for you (before answering, it forfeits today's points)",
                    Visibility.ASKER, List.of(id(false)), v -> new Action.Reveal(value(v, "id"), Optional.empty())),
            in("question", "show", "/study question <id>", "One question by id, answer hidden", false, Visibility.ASKER, List.of(id(true)),
                    v -> new Action.ShowQuestion(required(v, "id"))),
            top("random", "/study random [topic] [level]", "A random question to practise, answer hidden", Visibility.ASKER,
                    List.of(topic(), level()), v -> new Action.RandomQuestion(value(v, "topic"), value(v, "level").flatMap(Level::parse))),
            top("search", "/study search <words>", "Questions and answers matching your words", Visibility.ASKER,
                    List.of(new Option("words", Kind.TEXT, true, "What to look for", MAX_SEARCH, List.of(), Suggest.NONE)),
                    v -> new Action.Search(required(v, "words"))),
            top("topics", "/study topics", "The topics, with question counts", Visibility.ASKER, List.of(), v -> new Action.Topics()),
            top("history", "/study history [n]", "This channel's past questions, with dates and links", Visibility.ASKER,
                    List.of(new Option("n", Kind.TEXT, false, "How many (default 10, at most 25)", 2, List.of(), Suggest.NONE)),
                    v -> new Action.History(value(v, "n"))),
            top("leaderboard", "/study leaderboard [week|month|season [name]|all] [teams] [chart]",
                    "Individual or team standings, for a past season too, with a chart if you like", Visibility.CHANNEL,
                    List.of(new Option("period", Kind.CHOICE, false, "Which window (default: this week)", 0,
                                    Arrays.stream(Period.values()).map(Period::label).toList(), Suggest.NONE),
                            new Option("teams", Kind.FLAG, false, "Team standings instead of members", 0, List.of(), Suggest.NONE),
                            new Option("season", Kind.TEXT, false, "A season by name (default: the latest)", MAX_NAME, List.of(), Suggest.NONE),
                            new Option("chart", Kind.FLAG, false, "Add a chart of the standings", 0, List.of(), Suggest.NONE)),
                    v -> new Action.Leaderboard(value(v, "period").flatMap(Period::parse).orElse(Period.WEEK),
                            value(v, "teams").map(Boolean::parseBoolean).orElse(false), value(v, "season"),
                            value(v, "chart").map(Boolean::parseBoolean).orElse(false))),
            top("stats", "/study stats [member]", "Points, answers, streak, coverage per topic and a chart by week", Visibility.ASKER,
                    List.of(new Option("member", Kind.MEMBER, false, "Whose stats (default: yours)", 0, List.of(), Suggest.NONE)),
                    v -> new Action.Stats(value(v, "member"))),
            top("mastery", "/study mastery", "This channel's topic mastery, without anyone's answers", true, Visibility.ASKER, List.of(),
                    v -> new Action.ChannelMastery()),
            in("review", "next", "/study review [topic]", "Your most overdue question, privately (no points)", false, Visibility.ASKER,
                    List.of(topic()), v -> new Action.ReviewNext(value(v, "topic"))),
            in("review", "answer", "/study review answer <text>", "Answer the review you were given", false, Visibility.ASKER,
                    List.of(new Option("text", Kind.TEXT, true, "Your answer", 4000, List.of(), Suggest.NONE)),
                    v -> new Action.ReviewAnswer(required(v, "text"))),
            in("review", "on", "/study review on", "Turn your reviews on", false, Visibility.ASKER, List.of(), v -> new Action.ReviewSwitch(true)),
            in("review", "off", "/study review off", "Turn your reviews and their reminder off", false, Visibility.ASKER, List.of(),
                    v -> new Action.ReviewSwitch(false)),
            in("review", "remind", "/study review remind <HH:MM|off> [timezone]", "A direct message on days reviews are due",
                    false, Visibility.ASKER,
                    List.of(new Option("time", Kind.TEXT, true, "Local time such as 08:30, or off", 5, List.of(), Suggest.NONE),
                            new Option("timezone", Kind.TEXT, false, "IANA timezone such as Europe/Berlin (default from config)", MAX_ID,
                                    List.of(), Suggest.TIMEZONE)),
                    v -> new Action.ReviewRemind(required(v, "time"), value(v, "timezone"))),
            in("team", "create", "/study team create <name>", "Create a team and join it", false, Visibility.CHANNEL,
                    List.of(name("The team's name")), v -> new Action.TeamCreate(required(v, "name"))),
            in("team", "join", "/study team join <name>", "Join a team (leaving your current one)", false, Visibility.CHANNEL,
                    List.of(name("The team's name")), v -> new Action.TeamJoin(required(v, "name"))),
            in("team", "leave", "/study team leave", "Leave your team", false, Visibility.ASKER, List.of(), v -> new Action.TeamLeave()),
            in("team", "list", "/study team list", "The teams and their sizes", false, Visibility.ASKER, List.of(), v -> new Action.TeamList()),
            in("schedule", "set", "/study schedule set <when> [timezone]", "When to post: 'weekdays 09:30 Europe/Berlin' or a cron",
                    true, Visibility.CHANNEL,
                    List.of(new Option("when", Kind.TEXT, true, "'daily 09:00', 'weekdays 09:30', 'mon,wed,fri 17:00' or a cron", MAX_WHEN,
                                    List.of(), Suggest.NONE),
                            new Option("timezone", Kind.TEXT, false, "IANA timezone such as Europe/Berlin (default from config)", MAX_ID,
                                    List.of(), Suggest.TIMEZONE),
                            topic(), level(),
                            new Option("deck", Kind.TEXT, false, "Only these decks, comma-separated (default: every deck)", MAX_DECKS,
                                    List.of(), Suggest.NONE)),
                    v -> new Action.ScheduleSet(required(v, "when"), value(v, "timezone"), value(v, "topic"),
                            value(v, "level").flatMap(Level::parse), decks(value(v, "deck")))),
            in("schedule", "show", "/study schedule show", "This channel's daily post and the next one", false, Visibility.ASKER, List.of(),
                    v -> new Action.ScheduleShow()),
            in("schedule", "off", "/study schedule off", "Stop the daily post here", true, Visibility.CHANNEL, List.of(),
                    v -> new Action.ScheduleOff()),
            top("post", "/study post", "Post the next question in this channel now", true, Visibility.ASKER, List.of(), v -> new Action.PostNow()),
            in("season", "list", "/study season list", "Past and current seasons, their dates and winners", false, Visibility.ASKER,
                    List.of(), v -> new Action.SeasonList()),
            in("season", "start", "/study season start <name>", "Start a named competition window", true, Visibility.CHANNEL,
                    List.of(name("The season's name")), v -> new Action.SeasonStart(required(v, "name"))),
            in("season", "end", "/study season end", "End the current season", true, Visibility.CHANNEL, List.of(),
                    v -> new Action.SeasonEnd()),
            in("bank", "reload", "/study bank reload", "Read the question files again, without a restart", true, Visibility.ASKER,
                    List.of(), v -> new Action.BankReload()),
            in("bank", "import", "/study bank import [deck] (attach a .md or .yaml list)",
                    "Import a question list: a report first, nothing stored until you confirm", true, Visibility.ASKER,
                    List.of(new Option("file", Kind.FILE, false, "A Markdown or YAML question list, up to 1 MB", 0, List.of(), Suggest.NONE),
                            deck(false, "The deck to import into (default: imported)")),
                    v -> new Action.BankImport(value(v, "deck"), Optional.empty())),
            in("bank", "confirm", "/study bank import confirm [deck]", "Store the questions of your last import's report", true,
                    Visibility.ASKER, List.of(deck(false, "Another deck than the import named")),
                    v -> new Action.BankImportConfirm(value(v, "deck"))),
            top("suggest", "/study suggest", "Suggest a question for this workspace (a form opens)", Visibility.ASKER,
                    List.of(new Option("question", Kind.TEXT, false, "The question (without it, a form opens)", MAX_SUGGESTED_QUESTION,
                                    List.of(), Suggest.NONE),
                            new Option("answer", Kind.TEXT, false, "A model answer", MAX_SUGGESTED_ANSWER, List.of(), Suggest.NONE),
                            new Option("claims", Kind.TEXT, false, "What a full answer must say: claims split by ';', phrasings by ','",
                                    MAX_SUGGESTED_CLAIMS, List.of(), Suggest.NONE),
                            topic(), level()),
                    v -> new Action.Suggest(value(v, "question"), value(v, "answer"), value(v, "claims").map(c -> c.replace(';', '\n')),
                            value(v, "topic"), value(v, "level"))),
            in("suggestions", "list", "/study suggestions", "The suggested questions waiting, oldest first, with look-alikes", true,
                    Visibility.ASKER, List.of(), v -> new Action.SuggestionList()),
            in("suggestions", "approve", "/study suggestions approve <n> [deck] [answer: …] [claims: …]",
                    "Add suggestion n to a deck (default: suggested), completing its answer and claims if need be", true,
                    Visibility.ASKER, List.of(number(), deck(false, "The deck to add it to (default: suggested)"),
                            new Option("answer", Kind.TEXT, false, "A model answer in place of the member's", MAX_SUGGESTED_ANSWER, List.of(),
                                    Suggest.NONE),
                            new Option("claims", Kind.TEXT, false, "Claims in place of the member's: split by ';', phrasings by ','",
                                    MAX_SUGGESTED_CLAIMS, List.of(), Suggest.NONE)),
                    v -> new Action.SuggestionApprove(required(v, "n"), value(v, "deck"), value(v, "answer"),
                            value(v, "claims").map(c -> c.replace(';', '\n')))),
            in("suggestions", "decline", "/study suggestions decline <n> <reason>", "Decline suggestion n; the member is told why", true,
                    Visibility.ASKER, List.of(number(), new Option("reason", Kind.TEXT, true, "Why, for the member", MAX_REASON, List.of(),
                            Suggest.NONE)),
                    v -> new Action.SuggestionDecline(required(v, "n"), required(v, "reason"))),
            // the team's own questions and decks
            in("question", "add", "/study question add [deck]", "Write a question of the team's own, in a form", true, Visibility.ASKER,
                    List.of(deck(false, "The deck it goes to (default: " + DEFAULT_DECK + ")")),
                    v -> new Action.QuestionAdd(value(v, "deck"))),
            in("question", "edit", "/study question edit <id>", "Change one of the team's own questions, in a form", true,
                    Visibility.ASKER, List.of(id(true)), v -> new Action.QuestionEdit(required(v, "id"))),
            in("question", "remove", "/study question remove <id>", "Remove one of the team's own questions (points stay)", true,
                    Visibility.ASKER, List.of(id(true)), v -> new Action.QuestionRemove(required(v, "id"))),
            top("decks", "/study decks", "The question decks, with counts", Visibility.ASKER, List.of(), v -> new Action.DeckList()),
            in("bank", "export", "/study bank export <deck>", "A deck as a bank YAML file, for the question folder", true,
                    Visibility.ASKER, List.of(deck(true, "The deck to export (see /study decks)")),
                    v -> new Action.BankExport(required(v, "deck"))));

    private CommandCatalog() {
    }

    /** Every subcommand, in the order help lists them. */
    public static List<Spec> specs() {
        return SPECS;
    }

    /** The subcommand at {@code path} ("today", "team join"). */
    public static Optional<Spec> find(String path) {
        return SPECS.stream().filter(s -> s.path().equals(path)).findFirst();
    }

    /** The spec an action comes from. */
    public static Spec of(Action action) {
        String path = switch (action) {
            case Action.Help a -> "help";
            case Action.Today a -> "today";
            case Action.ShowQuestion a -> "question show";
            case Action.RandomQuestion a -> "random";
            case Action.Search a -> "search";
            case Action.Topics a -> "topics";
            case Action.Answer a -> "answer";
            case Action.Reveal a -> "reveal";
            case Action.Leaderboard a -> "leaderboard";
            case Action.Stats a -> "stats";
            case Action.ChannelMastery a -> "mastery";
            case Action.ReviewNext a -> "review next";
            case Action.ReviewAnswer a -> "review answer";
            case Action.ReviewSwitch a -> a.on() ? "review on" : "review off";
            case Action.ReviewRemind a -> "review remind";
            case Action.TeamCreate a -> "team create";
            case Action.TeamJoin a -> "team join";
            case Action.TeamLeave a -> "team leave";
            case Action.TeamList a -> "team list";
            case Action.ScheduleSet a -> "schedule set";
            case Action.ScheduleShow a -> "schedule show";
            case Action.ScheduleOff a -> "schedule off";
            case Action.PostNow a -> "post";
            case Action.SeasonStart a -> "season start";
            case Action.SeasonEnd a -> "season end";
            case Action.SeasonList a -> "season list";
            case Action.History a -> "history";
            case Action.BankReload a -> "bank reload";
            case Action.BankImport a -> "bank import";
            case Action.BankImportConfirm a -> "bank confirm";
            case Action.Suggest a -> "suggest";
            case Action.SuggestionList a -> "suggestions list";
            case Action.SuggestionApprove a -> "suggestions approve";
            case Action.SuggestionDecline a -> "suggestions decline";
            case Action.QuestionAdd a -> "question add";
            case Action.QuestionEdit a -> "question edit";
            case Action.QuestionSubmit a -> a.draft().editing().isPresent() ? "question edit" : "question add";
            case Action.QuestionRemove a -> "question remove";
            case Action.DeckList a -> "decks";
            case Action.BankExport a -> "bank export";
        };
        return find(path).orElseThrow();
    }

    /** Slack's limit for a slash command's usage hint. */
    public static final int USAGE_HINT_LIMIT = 100;

    /**
     * Slack's usage hint for {@code /study}: the members' top-level subcommands with their options,
     * in help's order, as many as fit in {@link #USAGE_HINT_LIMIT} characters.
     */
    public static String usageHint() {
        StringBuilder hint = new StringBuilder();
        for (Spec spec : SPECS) {
            // a grouped subcommand typed without its name ("question <id>" for "question show") counts as top-level
            boolean bare = spec.group().isPresent() && !spec.usage().contains(spec.path());
            if (spec.group().isPresent() && !bare || spec.adminOnly()) {
                continue;
            }
            String one = spec.group().filter(g -> bare).orElse(spec.name()) + spec.options().stream()
                    .map(o -> o.required() ? " <" + o.name() + ">" : " [" + o.name() + "]").collect(Collectors.joining());
            if (hint.length() + (hint.isEmpty() ? 0 : 3) + one.length() > USAGE_HINT_LIMIT) {
                break;
            }
            hint.append(hint.isEmpty() ? "" : " | ").append(one);
        }
        return hint.toString();
    }

    private static Spec top(String name, String usage, String description, Visibility visibility, List<Option> options,
                            Function<Map<String, String>, Action> build) {
        return new Spec(Optional.empty(), name, usage, description, false, visibility, options, build);
    }

    private static Spec top(String name, String usage, String description, boolean admin, Visibility visibility, List<Option> options,
                            Function<Map<String, String>, Action> build) {
        return new Spec(Optional.empty(), name, usage, description, admin, visibility, options, build);
    }

    private static Spec in(String group, String name, String usage, String description, boolean admin, Visibility visibility,
                           List<Option> options, Function<Map<String, String>, Action> build) {
        return new Spec(Optional.of(group), name, usage, description, admin, visibility, options, build);
    }

    private static Option id(boolean required) {
        return new Option("id", Kind.TEXT, required, "A question id, e.g. reg-dropout", MAX_ID, List.of(), Suggest.QUESTION_ID);
    }

    private static Option deck(boolean required, String description) {
        return new Option("deck", Kind.TEXT, required, description, MAX_NAME, List.of(), Suggest.NONE);
    }

    /** Deck names as typed, comma-separated. */
    public static List<String> decks(Optional<String> typed) {
        return typed.stream().flatMap(t -> Arrays.stream(t.split(","))).map(String::strip).filter(d -> !d.isEmpty()).toList();
    }

    private static Option topic() {
        return new Option("topic", Kind.TEXT, false, "Only this topic", MAX_ID, List.of(), Suggest.TOPIC);
    }

    private static Option level() {
        return new Option("level", Kind.CHOICE, false, "Only this level", 0, Arrays.stream(Level.values()).map(Level::label).toList(),
                Suggest.NONE);
    }

    private static Option name(String description) {
        return new Option("name", Kind.TEXT, true, description, MAX_NAME, List.of(), Suggest.NONE);
    }

    private static Option number() {
        return new Option("n", Kind.TEXT, true, "The suggestion's number, as /study suggestions lists it", 10, List.of(), Suggest.NONE);
    }

    private static Optional<String> value(Map<String, String> values, String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static String required(Map<String, String> values, String name) {
        return value(values, name).orElseThrow(() -> new IllegalArgumentException("missing option " + name));
    }
}
