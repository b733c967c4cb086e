package dev.studybot.platform.discord;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.Reply;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.words.Labels;
import dev.studybot.port.in.Acknowledgement;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.CommandCatalog;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.in.Response;
import dev.studybot.port.out.Telemetry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slash commands, buttons, the answer modal and autocomplete. Each interaction is acknowledged on
 * the gateway thread before the core is asked (a deferred reply), and the deferred reply is then
 * edited with the core's answer, so a slow database never costs Discord's 3-second window. Only an
 * answer form needs the core's word first, as a modal cannot follow a deferral: it gets a short
 * deadline, and a plain answer modal opens if the core has not spoken by then.
 */
final class DiscordInteractions extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordInteractions.class);
    static final Duration FORM_DEADLINE = Duration.ofMillis(1500);

    private final CommandHandler handler;
    private final DiscordCommands commands;
    private final DiscordRenderer renderer;
    private final DiscordAutocomplete autocomplete;
    private final Executor worker;
    private final int maxAnswerLength;
    private final Telemetry telemetry;
    private final DiscordDrafts drafts = new DiscordDrafts();

    DiscordInteractions(CommandHandler handler, DiscordCommands commands, DiscordRenderer renderer, DiscordAutocomplete autocomplete,
                        Executor worker, int maxAnswerLength, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.handler = handler;
        this.commands = commands;
        this.renderer = renderer;
        this.autocomplete = autocomplete;
        this.worker = worker;
        this.maxAnswerLength = maxAnswerLength;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals(DiscordCommands.NAME)) {
            return;
        }
        if (event.getGuild() == null || event.getMember() == null) {
            reply(event, new Reply.Error("studybot works in servers, not in direct messages."));
            return;
        }
        Action action;
        try {
            action = DiscordAttachments.withFile(commands.toAction(event), event);
        } catch (IllegalArgumentException e) {
            LOG.warn("Unreadable /study invocation {}: {}", event.getFullCommandName(), e.getMessage());
            reply(event, new Reply.Error("That command is not known to this version of studybot; try /study help."));
            return;
        }
        Command command = new Command(channel(event), actor(event.getMember(), event.getUser()), action);
        Acknowledgement ack = handler.acknowledgement(command);
        if (ack == Acknowledgement.FORM) {
            form(event, command, Optional.empty());
        } else {
            deferred(event, command, ack);
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        if (event.getGuild() == null || event.getMember() == null || !id.startsWith("study:")) {
            return;
        }
        Actor actor = actor(event.getMember(), event.getUser());
        Optional<Long> answer = DiscordIds.postId(id, DiscordIds.ANSWER_BUTTON);
        Optional<Long> reveal = DiscordIds.postId(id, DiscordIds.REVEAL_BUTTON);
        if (id.startsWith(DiscordIds.QUESTION_RETRY)) {
            reopen(event, id);
        } else if (answer.isPresent()) {
            form(event, new Command(channel(event), actor, new Action.Answer(Optional.empty(), answer)), answer);
        } else if (id.equals(DiscordIds.IMPORT_CONFIRM_BUTTON)) {
            Command command = new Command(channel(event), actor, new Action.BankImportConfirm(Optional.empty()));
            deferred(event, command, handler.acknowledgement(command));
        } else if (reveal.isPresent()) {
            Command command = new Command(channel(event), actor, new Action.Reveal(Optional.empty(), reveal));
            deferred(event, command, handler.acknowledgement(command));
        } else {
            reply(event, new Reply.Error("This button belongs to an older studybot; use /study today."));
        }
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        String id = event.getModalId();
        if (id.equals(DiscordIds.SUGGEST_FORM) && event.getGuild() != null && event.getMember() != null) {
            Action suggest = new Action.Suggest(field(event, DiscordIds.SUGGEST_QUESTION), field(event, DiscordIds.SUGGEST_ANSWER),
                    field(event, DiscordIds.SUGGEST_CLAIMS), field(event, DiscordIds.SUGGEST_TOPIC), field(event, DiscordIds.SUGGEST_LEVEL));
            Command command = new Command(channel(event), actor(event.getMember(), event.getUser()), suggest);
            deferred(event, command, handler.acknowledgement(command));
            return;
        }
        if (id.startsWith(DiscordIds.QUESTION_FORM) && event.getGuild() != null && event.getMember() != null) {
            questionForm(event, id);
            return;
        }
        if (!id.startsWith(DiscordIds.ANSWER_FORM) || event.getGuild() == null || event.getMember() == null) {
            return;
        }
        Optional<String> text = Optional.ofNullable(event.getValue(DiscordIds.ANSWER_FIELD)).map(ModalMapping::getAsString);
        Action action = new Action.Answer(text, DiscordIds.postId(id, DiscordIds.ANSWER_FORM));
        Command command = new Command(channel(event), actor(event.getMember(), event.getUser()), action);
        deferred(event, command, handler.acknowledgement(command));
    }

    /** A submitted question form goes to the core as typed; its answer (saved, or the problems with the text) is the asker's. */
    private void questionForm(ModalInteractionEvent event, String id) {
        Optional<QuestionDraft> draft = DiscordIds.questionDraft(id, f -> Optional.ofNullable(event.getValue(DiscordIds.questionField(f)))
                .map(ModalMapping::getAsString).orElse(""));
        if (draft.isEmpty()) {
            reply(event, new Reply.Error(Labels.FORM_OUTDATED));
            return;
        }
        Command command = new Command(channel(event), actor(event.getMember(), event.getUser()), new Action.QuestionSubmit(draft.get()));
        deferred(event, command, handler.acknowledgement(command));
    }

    /** The button under a rejected form opens it again as typed. */
    private void reopen(ButtonInteractionEvent event, String id) {
        Optional<QuestionDraft> draft = drafts.get(id, event.getUser().getId());
        if (draft.isEmpty()) {
            reply(event, new Reply.Error(Labels.FORM_NOT_KEPT));
            return;
        }
        event.replyModal(renderer.questionModal(draft.get())).queue(null, this::undelivered);
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (!event.getName().equals(DiscordCommands.NAME)) {
            return;
        }
        if (event.getGuild() == null) {
            return;
        }
        WorkspaceRef server = new WorkspaceRef(DiscordAdapter.NAME, event.getGuild().getId());
        event.replyChoices(autocomplete.choices(server, event.getFocusedOption().getName(), event.getFocusedOption().getValue()))
                .queue(null, e -> LOG.debug("Autocomplete not delivered: {}", e.toString()));
    }

    /**
     * Acknowledges at once with the visibility the core chose for this command, asks the core on a
     * worker thread, then edits the deferred reply; further messages of a long reply follow it.
     */
    private void deferred(IReplyCallback event, Command command, Acknowledgement ack) {
        boolean ephemeral = ack.visibility() == dev.studybot.port.in.Visibility.ASKER;
        long received = System.nanoTime();
        event.deferReply(ephemeral).queue(ok -> acknowledged(received),
                e -> LOG.warn("Could not acknowledge {}: {}", describe(command), e.toString()));
        InteractionHook hook = event.getHook();
        CompletableFuture.supplyAsync(() -> handler.handle(command), worker)
                .thenAccept(response -> deliver(hook, response, command.actor().userId()))
                .exceptionally(e -> {
                    LOG.warn("Reply to {} not delivered", describe(command), e);
                    return null;
                });
    }

    private void deliver(InteractionHook hook, Response response, String userId) {
        if (response.reply() instanceof Reply.QuestionForm form && form.rejected()) {
            deliver(hook, response, renderer.rejectedForm(form, drafts.keep(userId, form.draft())));
            return;
        }
        deliver(hook, response, renderer.render(response.reply()));
    }

    /** A reply whose picture Discord refuses goes again without it, so the text always arrives. */
    private void deliver(InteractionHook hook, Response response, DiscordView view) {
        List<MessageCreateData> messages = view.messages();
        RestAction<?> chain = hook.editOriginal(view.firstAsEdit());
        for (MessageCreateData message : messages.subList(1, messages.size())) {
            chain = chain.flatMap(x -> hook.sendMessage(message).setEphemeral(response.ephemeral()));
        }
        chain.queue(null, e -> {
            if (view.picture().isPresent() && messages.size() == 1) {
                LOG.info("Discord refused a reply with its chart ({}); sending the text alone", e.toString());
                deliver(hook, response, view.withoutPicture());
            } else {
                LOG.warn("Reply not delivered: {}", e.toString());
            }
        });
    }

    /** Opens the answer modal the core asks for; when the core is slow, a modal for the same post opens anyway. */
    private <E extends IReplyCallback & IModalCallback> void form(E event, Command command, Optional<Long> postId) {
        long received = System.nanoTime();
        CompletableFuture.supplyAsync(() -> handler.handle(command), worker)
                .completeOnTimeout(null, FORM_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .thenAccept(response -> {
                    if (response == null && command.action() instanceof Action.QuestionEdit) {
                        LOG.info("The core did not answer {} within {} ms", describe(command), FORM_DEADLINE.toMillis());
                        event.reply(renderer.render(new Reply.Error(Labels.EDIT_FORM_SLOW)).messages().get(0)).setEphemeral(true)
                                .queue(ok -> acknowledged(received), this::undelivered);
                        return;
                    }
                    if (response == null && command.action() instanceof Action.QuestionAdd add) {
                        LOG.info("The core did not answer {} within {} ms; opening an empty question form", describe(command), FORM_DEADLINE.toMillis());
                        event.replyModal(renderer.questionModal(QuestionDraft.blank(add.deck().orElse(CommandCatalog.DEFAULT_DECK))))
                                .queue(ok -> acknowledged(received), this::undelivered);
                        return;
                    }
                    if (response == null) {
                        LOG.info("The core did not answer {} within {} ms; opening a plain form", describe(command), FORM_DEADLINE.toMillis());
                        event.replyModal(command.action() instanceof Action.Suggest
                                        ? renderer.suggestModal(CommandCatalog.suggestForm())
                                        : renderer.answerModal(postId, Optional.empty(), maxAnswerLength))
                                .queue(ok -> acknowledged(received), this::undelivered);
                        return;
                    }
                    DiscordView view = renderer.render(response.reply());
                    if (view.modal().isPresent()) {
                        event.replyModal(view.modal().get()).queue(ok -> acknowledged(received), this::undelivered);
                    } else {
                        event.reply(view.messages().get(0)).setEphemeral(response.ephemeral())
                                .queue(ok -> acknowledged(received), this::undelivered);
                    }
                })
                .exceptionally(e -> {
                    LOG.warn("Answer form for {} not delivered", describe(command), e);
                    return null;
                });
    }

    /** From the interaction's arrival to Discord taking its first answer. */
    private void acknowledged(long received) {
        telemetry.acknowledged(DiscordAdapter.NAME, Duration.ofNanos(System.nanoTime() - received));
    }

    private void reply(IReplyCallback event, Reply reply) {
        event.reply(renderer.render(reply).messages().get(0)).setEphemeral(true).queue(null, this::undelivered);
    }

    private void undelivered(Throwable e) {
        LOG.warn("Interaction reply not delivered: {}", e.toString());
    }

    private static Optional<String> field(ModalInteractionEvent event, String id) {
        return Optional.ofNullable(event.getValue(id)).map(ModalMapping::getAsString).filter(v -> !v.isBlank());
    }

    private static ChannelRef channel(IReplyCallback event) {
        return new ChannelRef(DiscordAdapter.NAME, event.getGuild().getId(), event.getChannelId());
    }

    /** Admin in Discord's terms is Manage Server (Administrator implies it); role names let config add admins. */
    static Actor actor(Member member, User user) {
        Set<String> roles = member.getRoles().stream().map(Role::getName).collect(Collectors.toSet());
        return new Actor(user.getId(), member.getEffectiveName(), member.hasPermission(Permission.MANAGE_SERVER), roles);
    }

    private static String describe(Command command) {
        return dev.studybot.port.in.CommandCatalog.of(command.action()).path() + " in " + command.channel().key();
    }
}
