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
                SlackOrigin origin = new SlackOrigin(workspace(ctx, team(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getTeamId())),
                        p.getChannel().getId(), p.getUser().getId(), name(p.getUser().getUsername(), p.getUser().getName()), p.getTriggerId(),
                        p.getResponseUrl(), ctx.getBotToken());
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
        SlackOrigin origin = new SlackOrigin(workspace(ctx, team(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getTeamId())),
                form.get().channel(), p.getUser().getId(), name(p.getUser().getUsername(), p.getUser().getName()),
                null, form.get().responseUrl(), ctx.getBotToken());
        Action suggest = new Action.Suggest(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4));
        later(origin, actor -> handler.handle(new Command(origin.channelRef(), actor, suggest)));
    }

    private static Optional<String> value(ViewState state, String block) {
        if (state == null || state.getValues() == null || state.getValues().get(block) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(state.getValues().get(block).get(SlackRenderer.ANSWER_INPUT)).map(ViewState.Value::getValue)
                .filter(t -> !t.isBlank());
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
        SlackOrigin origin = new SlackOrigin(workspace(ctx, team(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getTeamId())),
                p.getChannel().getId(), p.getUser().getId(), name(p.getUser().getUsername(), p.getUser().getName()),
                p.getTriggerId(), p.getResponseUrl(), ctx.getBotToken());
        later(origin, actor -> handler.handle(new Command(origin.channelRef(), actor, action.apply(postId))));
    }

    private void onAnswerForm(ViewSubmissionPayload p, String body, Context ctx) {
        Optional<FormOrigin> form = FormOrigin.parse(p.getView().getPrivateMetadata());
        if (form.isEmpty() || !seen.firstTime(body)) {
            return;
        }
        String text = answerText(p.getView().getState()).orElse("");
        SlackOrigin origin = new SlackOrigin(workspace(ctx, team(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getTeamId())),
                form.get().channel(), p.getUser().getId(), name(p.getUser().getUsername(), p.getUser().getName()),
                null, form.get().responseUrl(), ctx.getBotToken());
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
        QuestionDraft draft = form.get().draft(f -> Optional.ofNullable(state).map(ViewState::getValues)
                .map(v -> v.get(SlackRenderer.questionBlock(f))).map(b -> b.get(SlackRenderer.QUESTION_INPUT)).map(ViewState.Value::getValue)
                .orElse(""));
        SlackOrigin origin = new SlackOrigin(workspace(ctx, team(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getTeamId())),
                form.get().channel(), p.getUser().getId(), name(p.getUser().getUsername(), p.getUser().getName()),
                null, form.get().responseUrl(), ctx.getBotToken());
        MethodsClient client = clients.withToken(origin.botToken());
        Response response;
        try {
            Actor actor = people.actor(origin.team(), client, origin.user(), origin.userName());
            response = handler.handle(new Command(origin.channelRef(), actor, new Action.QuestionSubmit(draft)));
        } catch (RuntimeException e) {
            LOG.warn("A Slack question form failed before it reached the core: {}", e.toString(), e);
            response = Response.toAsker(Reply.Error.unexpected());
        }
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
        if (state == null || state.getValues() == null) {
            return Optional.empty();
        }
        Map<String, ViewState.Value> block = state.getValues().get(SlackRenderer.ANSWER_BLOCK);
        return Optional.ofNullable(block).map(b -> b.get(SlackRenderer.ANSWER_INPUT)).map(ViewState.Value::getValue);
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
            Response response;
            try {
                response = work.apply(people.actor(origin.team(), client, origin.user(), origin.userName()));
            } catch (RuntimeException e) {
                LOG.warn("A Slack request failed before it reached the core: {}", e.toString(), e);
                response = Response.toAsker(Reply.Error.unexpected());
            }
            replies.send(origin, client, response);
        });
    }

    @Override
    public void close() {
        workers.close();
    }
}
