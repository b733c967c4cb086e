package dev.studybot.platform.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.ViewState;
import com.slack.api.webhook.WebhookResponse;
import dev.studybot.core.CommandText;
import dev.studybot.core.model.Actor;
import dev.studybot.core.model.ChannelRef;
import dev.studybot.core.reply.Reply;
import dev.studybot.port.Action;
import dev.studybot.port.ChatPlatform;
import dev.studybot.port.Command;
import dev.studybot.port.CommandHandler;
import dev.studybot.port.DeliveryException;
import dev.studybot.port.PostedMessage;
import dev.studybot.port.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * studybot on Slack, with Bolt: {@code /study} text goes to the shared parser, the Answer and
 * Reveal buttons and the answer modal become typed actions, and every request is acknowledged
 * at once; the core's work and the reply (through {@code response_url}, ephemeral when it
 * concerns one member) follow on a worker. Scheduled posts and results go out with
 * {@code chat.postMessage}. Socket Mode when an app-level token is set, else HTTP mode.
 */
public final class SlackAdapter implements ChatPlatform, AutoCloseable {
    public static final String NAME = "slack";
    private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);
    private static final Pattern ANY_COMMAND = Pattern.compile("^/.+$");
    private static final Duration RETRY_WINDOW = Duration.ofMinutes(30);

    private final SlackSettings settings;
    private final Slack slack;
    private final MethodsClient client;
    private final App app;
    private final SlackRenderer renderer = new SlackRenderer();
    private final SlackDelivery delivery;
    private final SlackPeople people;
    private final SeenRequests seen;
    private final KeyedWorkers workers = new KeyedWorkers(8);
    private volatile CommandText commands;
    private volatile CommandHandler handler;
    private SlackSocketMode socketMode;
    private SlackHttpServer http;

    public SlackAdapter(SlackSettings settings, Clock clock) {
        this.settings = settings;
        SlackConfig config = new SlackConfig();
        settings.methodsUrlPrefix().ifPresent(config::setMethodsEndpointUrlPrefix);
        config.setPrettyResponseLoggingEnabled(false);
        // the SDK's call metrics resolve every token with auth.test (the xapp- token fails it) and keep a thread busy
        config.setStatsEnabled(false);
        this.slack = Slack.getInstance(config);
        this.client = slack.methods(settings.botToken());
        this.delivery = new SlackDelivery(client);
        this.people = new SlackPeople(client, clock);
        this.seen = new SeenRequests(clock, RETRY_WINDOW, 50_000);
        this.app = new App(AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret().orElse(null))
                .verificationToken(null)
                .clientId(null)
                .clientSecret(null)
                .redirectUri(null)
                .scope(null)
                .userScope(null)
                // auth.test runs once at start; no request waits on it afterwards
                .authTestCacheExpirationMillis(-1)
                .threadPoolSize(1)
                .build());
        app.command(ANY_COMMAND, (req, ctx) -> {
            onCommand(req.getPayload(), req.getRequestBodyAsString());
            return ctx.ack();
        });
        app.blockAction(SlackRenderer.ANSWER_ACTION, (req, ctx) -> {
            onButton(req, id -> new Action.Answer(Optional.empty(), Optional.of(id)));
            return ctx.ack();
        });
        app.blockAction(SlackRenderer.REVEAL_ACTION, (req, ctx) -> {
            onButton(req, id -> new Action.Reveal(Optional.empty(), Optional.of(id)));
            return ctx.ack();
        });
        app.viewSubmission(SlackRenderer.ANSWER_FORM, (req, ctx) -> {
            onAnswerForm(req.getPayload(), req.getRequestBodyAsString());
            return ctx.ack();
        });
    }

    /** Connects the adapter to the core: text commands to {@code commands}, button actions to {@code handler}. */
    public void bind(CommandText commands, CommandHandler handler) {
        this.commands = commands;
        this.handler = handler;
    }

    /** Checks the bot token ({@code auth.test}) and opens Socket Mode or starts the HTTP server. */
    public void start() throws Exception {
        if (commands == null || handler == null) {
            throw new IllegalStateException("bind the Slack adapter to the core before starting it");
        }
        checkBotToken();
        if (settings.mode() == SlackSettings.Mode.SOCKET) {
            socketMode = new SlackSocketMode(app, slack, settings.appToken().orElseThrow());
            socketMode.start();
            LOG.info("Slack adapter started in Socket Mode ({})", settings);
        } else {
            app.start();
            http = new SlackHttpServer(app, settings.httpPort());
            http.start();
            LOG.info("Slack adapter started in HTTP mode ({})", settings);
        }
    }

    /** Says plainly whether Slack cannot be reached or refuses the token (Bolt calls both "the token is invalid"). */
    private void checkBotToken() {
        String where = settings.methodsUrlPrefix().orElse("slack.com");
        AuthTestResponse r;
        try {
            r = client.authTest(q -> q);
        } catch (IOException e) {
            throw new IllegalStateException("the Slack Web API at " + where + " cannot be reached: " + e.getMessage(), e);
        } catch (SlackApiException e) {
            throw new IllegalStateException("the Slack Web API at " + where + " answered HTTP " + e.getResponse().code(), e);
        }
        if (!r.isOk()) {
            throw new IllegalStateException("Slack refused SLACK_BOT_TOKEN (auth.test: " + r.getError() + ")");
        }
        LOG.info("Slack: bot {} in workspace {} ({})", r.getUser(), r.getTeam(), r.getTeamId());
    }

    /** The port HTTP mode listens on (useful when configured as 0). */
    public int httpPort() {
        if (http == null) {
            throw new IllegalStateException("the Slack adapter is not in HTTP mode");
        }
        return http.port();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PostedMessage post(ChannelRef channel, Optional<PostedMessage> inThreadOf, Reply reply) throws DeliveryException {
        Optional<String> thread = inThreadOf.map(p -> p.threadRef().orElse(p.messageRef()));
        ChatPostMessageResponse r = delivery.post(channel.channel(), thread, renderer.render(reply));
        boolean opensThread = thread.isEmpty() && reply instanceof Reply.QuestionCard;
        return new PostedMessage(r.getTs(), opensThread ? Optional.of(r.getTs()) : Optional.empty());
    }

    /** Where a request came from, and how to answer it. */
    private record Origin(String team, String channel, String user, String userName, String triggerId, String responseUrl) {
        ChannelRef channelRef() {
            return new ChannelRef(NAME, team, channel);
        }

        String memberKey() {
            return team + ":" + user;
        }
    }

    private void onCommand(SlashCommandPayload p, String body) {
        if (!seen.firstTime(body)) {
            LOG.info("Ignored a redelivered slash command from {}", p.getUserId());
            return;
        }
        Origin origin = new Origin(p.getTeamId(), p.getChannelId(), p.getUserId(), p.getUserName(), p.getTriggerId(), p.getResponseUrl());
        String text = SlackText.typed(p.getText());
        workers.submit(origin.memberKey(), () -> reply(origin, commands.handle(origin.channelRef(), actor(origin), text)));
    }

    private void onButton(BlockActionRequest req, LongFunction<Action> action) {
        BlockActionPayload p = req.getPayload();
        if (p.getActions() == null || p.getActions().isEmpty() || p.getChannel() == null || !seen.firstTime(req.getRequestBodyAsString())) {
            return;
        }
        long postId;
        try {
            postId = Long.parseLong(p.getActions().get(0).getValue());
        } catch (NumberFormatException e) {
            return;
        }
        Origin origin = new Origin(p.getTeam().getId(), p.getChannel().getId(), p.getUser().getId(),
                p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName(), p.getTriggerId(), p.getResponseUrl());
        workers.submit(origin.memberKey(), () -> reply(origin, handler.handle(new Command(origin.channelRef(), actor(origin), action.apply(postId)))));
    }

    private void onAnswerForm(ViewSubmissionPayload p, String body) {
        Optional<FormOrigin> form = FormOrigin.parse(p.getView().getPrivateMetadata());
        if (form.isEmpty() || !seen.firstTime(body)) {
            return;
        }
        String text = answerText(p.getView().getState()).orElse("");
        Origin origin = new Origin(p.getTeam().getId(), form.get().channel(), p.getUser().getId(),
                p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName(), null, form.get().responseUrl());
        Action answer = new Action.Answer(Optional.of(text), Optional.of(form.get().postId()));
        workers.submit(origin.memberKey(), () -> reply(origin, handler.handle(new Command(origin.channelRef(), actor(origin), answer))));
    }

    private static Optional<String> answerText(ViewState state) {
        if (state == null || state.getValues() == null) {
            return Optional.empty();
        }
        Map<String, ViewState.Value> block = state.getValues().get(SlackRenderer.ANSWER_BLOCK);
        return Optional.ofNullable(block).map(b -> b.get(SlackRenderer.ANSWER_INPUT)).map(ViewState.Value::getValue);
    }

    private Actor actor(Origin origin) {
        return people.actor(origin.user(), origin.userName());
    }

    private void reply(Origin origin, Response response) {
        if (response.reply() instanceof Reply.AnswerForm form && origin.triggerId() != null && openForm(origin, form)) {
            return;
        }
        SlackMessage message = renderer.render(response.reply());
        if (origin.responseUrl() != null && respond(origin.responseUrl(), message, response.ephemeral())) {
            return;
        }
        fallback(origin, message, response.ephemeral());
    }

    private boolean openForm(Origin origin, Reply.AnswerForm form) {
        String metadata = new FormOrigin(form.postId(), origin.channel(), origin.responseUrl()).encode();
        try {
            ViewsOpenResponse r = client.viewsOpen(q -> q.triggerId(origin.triggerId()).view(renderer.answerModal(form, metadata)));
            if (r.isOk()) {
                return true;
            }
            LOG.warn("views.open failed: {}", r.getError());
        } catch (IOException | SlackApiException e) {
            LOG.warn("views.open failed: {}", e.getMessage());
        }
        return false;
    }

    private boolean respond(String responseUrl, SlackMessage message, boolean ephemeral) {
        try {
            WebhookResponse r = new Responder(slack, responseUrl).send(ActionResponse.builder()
                    .responseType(ephemeral ? "ephemeral" : "in_channel")
                    .replaceOriginal(false)
                    .text(message.text())
                    .blocks(message.blocks())
                    .build());
            if (r.getCode() != null && r.getCode() == 200) {
                return true;
            }
            LOG.warn("Slack refused a reply through response_url: HTTP {}", r.getCode());
        } catch (IOException e) {
            LOG.warn("A reply through response_url failed: {}", e.getMessage());
        }
        return false;
    }

    /** Without a usable response_url: an ephemeral message, or a channel message, through the Web API. */
    private void fallback(Origin origin, SlackMessage message, boolean ephemeral) {
        try {
            if (ephemeral) {
                ChatPostEphemeralResponse r = client.chatPostEphemeral(q -> q.channel(origin.channel()).user(origin.user())
                        .text(message.text()).blocks(message.blocks()).parse("none").linkNames(false));
                if (!r.isOk()) {
                    LOG.warn("chat.postEphemeral to {} failed: {}", origin.channel(), r.getError());
                }
            } else {
                delivery.post(origin.channel(), Optional.empty(), message);
            }
        } catch (IOException | SlackApiException | DeliveryException e) {
            LOG.warn("A reply in {} could not be delivered: {}", origin.channel(), e.getMessage());
        }
    }

    @Override
    public void close() {
        if (socketMode != null) {
            socketMode.close();
        }
        if (http != null) {
            http.close();
        }
        workers.close();
        app.stop();
        try {
            slack.close();
        } catch (Exception e) {
            LOG.warn("Closing the Slack client: {}", e.getMessage());
        }
    }
}
