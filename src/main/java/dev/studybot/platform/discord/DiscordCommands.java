package dev.studybot.platform.discord;

import dev.studybot.domain.Level;
import dev.studybot.domain.Period;
import dev.studybot.port.in.Action;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command.Choice;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * The one {@code /study} command: subcommands and typed options (level and period as choices;
 * topic, question id and timezone autocompleted), and the translation of an invocation into an
 * {@link Action}. Admin subcommands are visible to everyone; the core refuses non-admins.
 */
final class DiscordCommands {
    static final String NAME = "study";
    static final String TOPIC = "topic";
    static final String LEVEL = "level";
    static final String ID = "id";
    static final String TIMEZONE = "timezone";
    private static final int MAX_SEARCH = 200;
    private static final int MAX_NAME = 32;

    private final int maxAnswerLength;

    DiscordCommands(int maxAnswerLength) {
        this.maxAnswerLength = maxAnswerLength;
    }

    SlashCommandData definition() {
        return Commands.slash(NAME, "Daily deep-learning interview questions, answers and leaderboards")
                .setContexts(InteractionContextType.GUILD)
                .addSubcommands(
                        new SubcommandData("help", "The commands, briefly"),
                        new SubcommandData("today", "Today's question in this channel again"),
                        new SubcommandData("question", "One question by id, answer hidden")
                                .addOptions(id(true)),
                        new SubcommandData("random", "A random question to practise, answer hidden")
                                .addOptions(topic(), level()),
                        new SubcommandData("search", "Questions and answers matching your words")
                                .addOptions(new OptionData(OptionType.STRING, "words", "What to look for", true).setRequiredLength(1, MAX_SEARCH)),
                        new SubcommandData("topics", "The topics, with question counts"),
                        new SubcommandData("answer", "Answer today's question (without text, a form opens)")
                                .addOptions(new OptionData(OptionType.STRING, "text", "Your answer", false)
                                        .setRequiredLength(1, Math.min(maxAnswerLength, OptionData.MAX_STRING_OPTION_LENGTH))),
                        new SubcommandData("reveal", "The model answer, just for you (before answering, it forfeits today's points)")
                                .addOptions(id(false)),
                        new SubcommandData("leaderboard", "Individual or team standings")
                                .addOptions(new OptionData(OptionType.STRING, "period", "Which window (default: this week)", false)
                                                .addChoices(Arrays.stream(Period.values()).map(p -> new Choice(p.label(), p.label())).toList()),
                                        new OptionData(OptionType.BOOLEAN, "teams", "Team standings instead of members", false)),
                        new SubcommandData("stats", "Points, answers, streak and coverage per topic")
                                .addOptions(new OptionData(OptionType.USER, "member", "Whose stats (default: yours)", false)),
                        new SubcommandData("post", "Admin: post the next question in this channel now"))
                .addSubcommandGroups(
                        new SubcommandGroupData("team", "Teams for competitions").addSubcommands(
                                new SubcommandData("create", "Create a team and join it").addOptions(name("The team's name")),
                                new SubcommandData("join", "Join a team (leaving your current one)").addOptions(name("The team's name")),
                                new SubcommandData("leave", "Leave your team"),
                                new SubcommandData("list", "The teams and their sizes")),
                        new SubcommandGroupData("schedule", "This channel's daily question").addSubcommands(
                                new SubcommandData("set", "Admin: when to post, e.g. 'weekdays 09:30' or a Quartz cron").addOptions(
                                        new OptionData(OptionType.STRING, "when", "'daily 09:00', 'weekdays 09:30', 'mon,wed,fri 17:00' or a cron", true)
                                                .setRequiredLength(1, 100),
                                        new OptionData(OptionType.STRING, TIMEZONE, "IANA timezone such as Europe/Berlin (default from config)", false)
                                                .setAutoComplete(true),
                                        topic(), level()),
                                new SubcommandData("show", "The schedule and the next post"),
                                new SubcommandData("off", "Admin: stop the daily question here")),
                        new SubcommandGroupData("season", "Named competition windows").addSubcommands(
                                new SubcommandData("start", "Admin: start a season").addOptions(name("The season's name")),
                                new SubcommandData("end", "Admin: end the current season")));
    }

    private static OptionData id(boolean required) {
        return new OptionData(OptionType.STRING, ID, "A question id, e.g. reg-dropout", required).setAutoComplete(true).setRequiredLength(1, 100);
    }

    private static OptionData topic() {
        return new OptionData(OptionType.STRING, TOPIC, "Only this topic", false).setAutoComplete(true).setRequiredLength(1, 100);
    }

    private static OptionData level() {
        return new OptionData(OptionType.STRING, LEVEL, "Only this level", false)
                .addChoices(Arrays.stream(Level.values()).map(l -> new Choice(l.label(), l.label())).toList());
    }

    private static OptionData name(String description) {
        return new OptionData(OptionType.STRING, "name", description, true).setRequiredLength(1, MAX_NAME);
    }

    /** The action an invocation asks for. */
    Action toAction(CommandInteractionPayload c) {
        String group = c.getSubcommandGroup();
        String sub = Optional.ofNullable(c.getSubcommandName()).orElse("help");
        if (group != null) {
            return switch (group + " " + sub) {
                case "team create" -> new Action.TeamCreate(required(c, "name"));
                case "team join" -> new Action.TeamJoin(required(c, "name"));
                case "team leave" -> new Action.TeamLeave();
                case "team list" -> new Action.TeamList();
                case "schedule set" -> new Action.ScheduleSet(required(c, "when"), string(c, TIMEZONE), string(c, TOPIC),
                        string(c, LEVEL).flatMap(Level::parse));
                case "schedule show" -> new Action.ScheduleShow();
                case "schedule off" -> new Action.ScheduleOff();
                case "season start" -> new Action.SeasonStart(required(c, "name"));
                case "season end" -> new Action.SeasonEnd();
                default -> throw new IllegalArgumentException("unknown subcommand " + group + " " + sub);
            };
        }
        return switch (sub) {
            case "help" -> new Action.Help();
            case "today" -> new Action.Today();
            case "question" -> new Action.ShowQuestion(required(c, ID));
            case "random" -> new Action.RandomQuestion(string(c, TOPIC), string(c, LEVEL).flatMap(Level::parse));
            case "search" -> new Action.Search(required(c, "words"));
            case "topics" -> new Action.Topics();
            case "answer" -> new Action.Answer(string(c, "text"), Optional.empty());
            case "reveal" -> new Action.Reveal(string(c, ID), Optional.empty());
            case "leaderboard" -> new Action.Leaderboard(string(c, "period").flatMap(Period::parse).orElse(Period.WEEK),
                    option(c, "teams", OptionMapping::getAsBoolean).orElse(false));
            case "stats" -> new Action.Stats(option(c, "member", OptionMapping::getAsString));
            case "post" -> new Action.PostNow();
            default -> throw new IllegalArgumentException("unknown subcommand " + sub);
        };
    }

    /** Subcommands whose answer the core may show to the whole channel; all others answer the asker alone. */
    static boolean mayAnswerChannel(Action action) {
        return action instanceof Action.TeamCreate || action instanceof Action.TeamJoin
                || action instanceof Action.ScheduleSet || action instanceof Action.ScheduleOff;
    }

    private static String required(CommandInteractionPayload c, String name) {
        return string(c, name).orElseThrow(() -> new IllegalArgumentException("missing option " + name));
    }

    private static Optional<String> string(CommandInteractionPayload c, String name) {
        return option(c, name, OptionMapping::getAsString).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static <T> Optional<T> option(CommandInteractionPayload c, String name, Function<OptionMapping, T> read) {
        return Optional.ofNullable(c.getOption(name)).map(read);
    }
}
