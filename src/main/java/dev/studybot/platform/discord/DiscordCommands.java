package dev.studybot.platform.discord;

import dev.studybot.port.in.Action;
import dev.studybot.port.in.CommandCatalog;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The one {@code /study} command as Discord's subcommands and typed options, made from the core's
 * {@link CommandCatalog}; and the translation of an invocation back into the catalog's action.
 * Admin subcommands are visible to everyone; the core refuses non-admins.
 */
final class DiscordCommands {
    static final String NAME = CommandCatalog.COMMAND;
    /** Discord's limit for a subcommand's description. */
    private static final int DESCRIPTION_LIMIT = 100;

    private final int maxAnswerLength;

    DiscordCommands(int maxAnswerLength) {
        this.maxAnswerLength = maxAnswerLength;
    }

    SlashCommandData definition() {
        SlashCommandData command = Commands.slash(NAME, CommandCatalog.DESCRIPTION).setContexts(InteractionContextType.GUILD);
        Map<String, SubcommandGroupData> groups = new LinkedHashMap<>();
        for (CommandCatalog.Spec spec : CommandCatalog.specs()) {
            SubcommandData sub = new SubcommandData(spec.name(), description(spec));
            spec.options().forEach(o -> sub.addOptions(option(o)));
            if (spec.group().isPresent()) {
                groups.computeIfAbsent(spec.group().get(), g -> new SubcommandGroupData(g, CommandCatalog.GROUPS.get(g))).addSubcommands(sub);
            } else {
                command.addSubcommands(sub);
            }
        }
        return command.addSubcommandGroups(groups.values());
    }

    private static String description(CommandCatalog.Spec spec) {
        String text = (spec.adminOnly() ? "Admin: " : "") + spec.description();
        return text.length() <= DESCRIPTION_LIMIT ? text : text.substring(0, DESCRIPTION_LIMIT - 1) + "…";
    }

    private OptionData option(CommandCatalog.Option o) {
        OptionData data = new OptionData(switch (o.kind()) {
            case TEXT, CHOICE -> OptionType.STRING;
            case FLAG -> OptionType.BOOLEAN;
            case MEMBER -> OptionType.USER;
            case FILE -> OptionType.ATTACHMENT;
        }, o.name(), o.description(), o.required());
        if (o.kind() == CommandCatalog.Kind.TEXT) {
            int max = o.name().equals("text") ? Math.min(maxAnswerLength, o.maxLength()) : o.maxLength();
            data.setRequiredLength(1, Math.min(max, OptionData.MAX_STRING_OPTION_LENGTH));
            data.setAutoComplete(o.suggest() != CommandCatalog.Suggest.NONE);
        }
        if (o.kind() == CommandCatalog.Kind.CHOICE) {
            data.addChoices(o.choices().stream().map(c -> new Choice(c, c)).toList());
        }
        return data;
    }

    /** The action an invocation asks for; a subcommand the catalog does not know is refused. */
    Action toAction(CommandInteractionPayload c) {
        String sub = Optional.ofNullable(c.getSubcommandName()).orElse("help");
        String path = c.getSubcommandGroup() == null ? sub : c.getSubcommandGroup() + " " + sub;
        CommandCatalog.Spec spec = CommandCatalog.find(path).orElseThrow(() -> new IllegalArgumentException("unknown subcommand " + path));
        Map<String, String> values = new HashMap<>();
        for (OptionMapping option : c.getOptions()) {
            // a member option arrives as the member's id, which the core takes as it is
            values.put(option.getName(), option.getAsString());
        }
        return spec.action(values);
    }

    /** The suggestion source of an option, for autocomplete. */
    static CommandCatalog.Suggest suggest(String option) {
        return CommandCatalog.specs().stream().flatMap(s -> s.options().stream())
                .filter(o -> o.name().equals(option)).map(CommandCatalog.Option::suggest).findFirst().orElse(CommandCatalog.Suggest.NONE);
    }

    static List<String> names() {
        return CommandCatalog.specs().stream().map(CommandCatalog.Spec::path).toList();
    }
}
