package dev.studybot.platform.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.FileSharedEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.view.ViewState;
import dev.studybot.domain.Actor;
import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.in.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What members send: {@code /study} text (to the shared parser), the Answer and Reveal buttons and
 * the answer modal (as typed actions). Each request is acknowledged as soon as it is read; the
 * core's work and the reply follow on a worker, in order per member. A request Slack delivers
 * again is acknowledged and dropped.
 */
final class SlackInbound implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackInbound.class);
    private static final Pattern ANY_COMMAND = Pattern.compile("^/.+$");

    private final SlackClients clients;
    private final SlackPeople people;
    private final SeenRequests seen;
    private final SlackReplies replies;
    private final SlackFiles files;
    private final KeyedWorkers workers = new KeyedWorkers(8);
    private volatile CommandHandler handler;

    SlackInbound(SlackClients clients, SlackPeople people, SeenRequests seen, SlackReplies replies, SlackFiles files) {
        this.clients = clients;
        this.people = people;
        this.seen = seen;
        this.replies = replies;
        this.files = files;
    }

    void bind(CommandHandler handler) {
        this.handler = handler;
    }

    boolean bound() {
        return handler != null;
    }

    /** Registers the handlers; each returns Bolt's ack at once. */
    void register(App app) {
        app.command(ANY_COMMAND, (req, ctx) -> {
            onCommand(req.getPayload(), req.getRequestBodyAsString(), ctx);
            return ctx.ack();
        });
        app.blockAction(SlackRenderer.ANSWER_ACTION, (req, ctx) -> {
            onButton(req.getPayload(), req.getRequestBodyAsString(), ctx, id -> new Action.Answer(Optional.empty(), Optional.of(id)));
            return ctx.ack();
        });
        app.blockAction(SlackRenderer.REVEAL_ACTION, (req, ctx) -> {
            onButton(req.getPayload(), req.getRequestBodyAsString(), ctx, id -> new Action.Reveal(Optional.empty(), Optional.of(id)));
            return ctx.ack();
        });
        app.viewSubmission(SlackRenderer.QUESTION_FORM, (req, ctx) -> {
            Map<String, String> errors = onQuestionForm(req.getPayload(), req.getRequestBodyAsString(), ctx);
            return errors.isEmpty() ? ctx.ack() : ctx.ackWithErrors(errors);
        });
        app.viewSubmission(SlackRenderer.ANSWER_FORM, (req, ctx) -> {
            onAnswerForm(req.getPayload(), req.getRequestBodyAsString(), ctx);
            return ctx.ack();
        });
        registerContributions(app);
    }

    /**
     * Questions from chat: a file an admin shares in the app's direct messages ({@code file_shared})
     * or in a message that mentions the app ({@code app_mention}) is imported as if attached to
     * {@code /study bank import}; the report's Confirm button; the suggestion form's submission.
     */
    private void registerContributions(App app) {
        app.event(FileSharedEvent.class, (req, ctx) -> {
            FileSharedEvent e = req.getEvent();
            // in a channel only a mention asks studybot to read a file; every file a member shares in a direct message with it does
            boolean fromBot = e.getUserId() == null || e.getUserId().equals(ctx.getBotUserId());
            if (!fromBot && e.getChannelId() != null && e.getChannelId().startsWith("D")
                    && (req.getEventId() == null || seen.firstTime(req.getEventId()))) {
                onFile(workspace(ctx, req.getTeamId()), ctx.getBotToken(), e.getChannelId(), e.getUserId(), e.getFileId());
            }
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (req, ctx) -> {
            AppMentionEvent e = req.getEvent();
            if (e.getFiles() != null && !e.getFiles().isEmpty() && (req.getEventId() == null || seen.firstTime(req.getEventId()))) {
                onFile(workspace(ctx, req.getTeamId()), ctx.getBotToken(), e.getChannel(), e.getUser(), e.getFiles().get(0).getId());
            }
            return ctx.ack();
        });
        app.event(MessageFileShareEvent.class, (req, ctx) -> ctx.ack());
        app.blockAction(SlackRenderer.IMPORT_CONFIRM_ACTION, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            if (p.getChannel() != null && seen.firstTime(req.getRequestBodyAsString())) {
                SlackOrigin origin = origin(p, ctx);
                later(origin, actor -> handler.handle(new Command(origin.channelRef(), actor, new Action.BankImportConfirm(Optional.empty()))));
            }
            return ctx.ack();
        });
        app.viewSubmission(SlackRenderer.SUGGEST_FORM, (req, ctx) -> {
            onSuggestForm(req.getPayload(), req.getRequestBodyAsString(), ctx);
            return ctx.ack();
        });
    }

    private void onFile(String workspace, String botToken, String channel, String user, String fileId) {
        SlackOrigin origin = new SlackOrigin(workspace, channel, user, null, null, null, botToken);
        later(origin, actor -> handler.handle(new Command(origin.channelRef(), actor,
                new Action.BankImport(Optional.empty(), Optional.of(files.upload(clients.withToken(botToken), botToken, fileId))))));
    }

    private void onSuggestForm(ViewSubmissionPayload p, String body, Context ctx) {
        Optional<FormOrigin> form = FormOrigin.parse(p.getView().getPrivateMetadata());
        if (form.isEmpty() || !seen.firstTime(body)) {
            return;
        }
        List<Optional<String>> v = SlackRenderer.SUGGEST_FIELDS.stream().map(f -> value(p.getView().getState(), f)).toList();
        SlackOrigin origin = origin(p, form.get().channel(), form.get().responseUrl(), ctx);
        Action suggest = new Action.Suggest(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4));
        later(origin, actor -> handler.handle(new Command(origin.channelRef(), actor, suggest)));
    }

    private static Optional<String> value(ViewState state, String block) {
        return input(state, block, SlackRenderer.ANSWER_INPUT).filter(t -> !t.isBlank());
    }

    /** What was typed in a modal's input, by its block and action ids. */
    private static Optional<String> input(ViewState state, String block, String actionId) {
        return Optional.ofNullable(state).map(ViewState::getValues).map(v -> v.get(block)).map(b -> b.get(actionId))
                .map(ViewState.Value::getValue);
    }

    /** The workspace's key: the team Bolt resolved (the payload's otherwise), with its organisation when distributed. */
    private String workspace(Context ctx, String payloadTeam) {
        String team = ctx.getTeamId() != null ? ctx.getTeamId() : payloadTeam;
        return SlackWorkspace.of(ctx.getEnterpriseId(), team).key(clients.withEnterprise());
    }

    private void onCommand(SlashCommandPayload p, String body, Context ctx) {
        if (!seen.firstTime(body)) {
            LOG.info("Ignored a redelivered slash command from {}", p.getUserId());
            return;
        }
        SlackOrigin origin = new SlackOrigin(workspace(ctx, p.getTeamId()), p.getChannelId(), p.getUserId(), p.getUserName(), p.getTriggerId(),
                p.getResponseUrl(), ctx.getBotToken());
        String text = SlackText.typed(p.getText());
        later(origin, actor -> handler.handleText(origin.channelRef(), actor, text));
    }

    private void onButton(BlockActionPayload p, String body, Context ctx, LongFunction<Action> action) {
        if (p.getActions() == null || p.getActions().isEmpty() || p.getChannel() == null || !seen.firstTime(body)) {
            return;
        }
        long postId;
        try {
            postId = Long.parseLong(p.getActions().get(0).getValue());
        } catch (NumberFormatException e) {
            return;
        }
        SlackOrigin origin = origin(p, ctx);
        later(origin, actor -> handler.handle(new Command(origin.channelRef(), actor, action.apply(postId))));
    }

    private void onAnswerForm(ViewSubmissionPayload p, String body, Context ctx) {
        Optional<FormOrigin> form = FormOrigin.parse(p.getView().getPrivateMetadata());
        if (form.isEmpty() || !seen.firstTime(body)) {
            return;
        }
        String text = answerText(p.getView().getState()).orElse("");
        SlackOrigin origin = origin(p, form.get().channel(), form.get().responseUrl(), ctx);
        Action answer = new Action.Answer(Optional.of(text), Optional.of(form.get().postId()));
        later(origin, actor -> handler.handle(new Command(origin.channelRef(), actor, answer)));
    }

    /**
     * A submitted question form is handled before the ack, as Slack shows problems only from the
     * ack itself ({@code response_action: errors}, one message per input block): the modal stays
     * open with everything typed. A form that was stored closes, and the confirmation follows.
     */
    private Map<String, String> onQuestionForm(ViewSubmissionPayload p, String body, Context ctx) {
        Optional<QuestionFormOrigin> form = QuestionFormOrigin.parse(p.getView().getPrivateMetadata());
        if (form.isEmpty() || !seen.firstTime(body)) {
            return Map.of();
        }
        ViewState state = p.getView().getState();
        QuestionDraft draft = form.get().draft(f -> input(state, SlackRenderer.questionBlock(f), SlackRenderer.QUESTION_INPUT).orElse(""));
        SlackOrigin origin = origin(p, form.get().channel(), form.get().responseUrl(), ctx);
        MethodsClient client = clients.withToken(origin.botToken());
        Response response = run(origin, client, actor -> handler.handle(new Command(origin.channelRef(), actor, new Action.QuestionSubmit(draft))));
        if (response.reply() instanceof Reply.QuestionForm f && f.rejected()) {
            return SlackFormErrors.of(f);
        }
        if (response.reply() instanceof Reply.Error e) {
            return SlackFormErrors.of(QuestionDraft.Field.QUESTION, e.text());
        }
        Response done = response;
        workers.submit(origin.memberKey(), () -> replies.send(origin, client, done));
        return Map.of();
    }

    private static Optional<String> answerText(ViewState state) {
        return input(state, SlackRenderer.ANSWER_BLOCK, SlackRenderer.ANSWER_INPUT);
    }

    /** Where a click came from: its workspace (as Bolt resolved it), channel, member, trigger and reply address. */
    private SlackOrigin origin(BlockActionPayload p, Context ctx) {
        return new SlackOrigin(workspace(ctx, team(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getTeamId())),
                p.getChannel().getId(), p.getUser().getId(), name(p.getUser().getUsername(), p.getUser().getName()), p.getTriggerId(),
                p.getResponseUrl(), ctx.getBotToken());
    }

    /** Where a submitted form came from: the channel and reply address it carries, and the member who sent it. */
    private SlackOrigin origin(ViewSubmissionPayload p, String channel, String responseUrl, Context ctx) {
        return new SlackOrigin(workspace(ctx, team(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getTeamId())),
                channel, p.getUser().getId(), name(p.getUser().getUsername(), p.getUser().getName()), null, responseUrl, ctx.getBotToken());
    }

    private static String team(String team, String userTeam) {
        return team != null ? team : userTeam;
    }

    private static String name(String username, String name) {
        return username != null ? username : name;
    }

    /** The core's work for a request, after its ack; a failure looking up the member still gets an answer. */
    private void later(SlackOrigin origin, Function<Actor, Response> work) {
        workers.submit(origin.memberKey(), () -> {
            MethodsClient client = clients.withToken(origin.botToken());
            replies.send(origin, client, run(origin, client, work));
        });
    }

    /** The core's work with the member as the actor; a failure looking the member up is answered as an unexpected error. */
    private Response run(SlackOrigin origin, MethodsClient client, Function<Actor, Response> work) {
        try {
            return work.apply(people.actor(origin.team(), client, origin.user(), origin.userName()));
        } catch (RuntimeException e) {
            LOG.warn("A Slack request failed before it reached the core: {}", e.toString(), e);
            return Response.toAsker(Reply.Error.unexpected());
        }
    }

    @Override
    public void close() {
        workers.close();
    }
}
