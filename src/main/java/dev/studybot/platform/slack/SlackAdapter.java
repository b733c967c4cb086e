package dev.studybot.platform.slack;

import dev.studybot.port.out.Telemetry;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.Reply;
import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.PostedMessage;
import dev.studybot.port.platform.Workspaces;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * studybot on Slack, with Bolt: {@code /study} text goes to the shared parser, the Answer and
 * Reveal buttons and the answer modal become typed actions, and every request is acknowledged
 * at once; the core's work and the reply (through {@code response_url}, ephemeral when it
 * concerns one member) follow on a worker. Scheduled posts and results go out with
 * {@code chat.postMessage}. Socket Mode when an app-level token is set, else HTTP mode.
 * One workspace with its bot token, or distributed: installed from the install page in any
 * number of workspaces, each request and post with its own workspace's token.
 */
public final class SlackAdapter implements ChatPlatform, AutoCloseable {
    public static final String NAME = "slack";
    private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);
    private static final Duration RETRY_WINDOW = Duration.ofMinutes(30);

    private final SlackSettings settings;
    private final Slack slack;
    private final App app;
    private final SlackClients clients;
    private final SlackRenderer renderer = new SlackRenderer();
    private final SlackDelivery delivery;
    private final SlackUploads uploads;
    private final SlackInbound inbound;
    private volatile SlackSocketMode socketMode;
    private volatile SlackHttpServer http;
    private final Telemetry telemetry;

    public SlackAdapter(SlackSettings settings, Clock clock) {
        this(settings, clock, Telemetry.NONE, () -> 1, Optional.empty());
    }

    /**
     * With {@code liveNodes}: the nodes that share each workspace's posting pace; with
     * {@code workspaces} (required when distributed): where installations and OAuth states are kept.
     */
    public SlackAdapter(SlackSettings settings, Clock clock, Telemetry telemetry, java.util.function.IntSupplier liveNodes,
                        Optional<Workspaces> workspaces) {
        this.settings = settings;
        this.telemetry = telemetry;
        SlackConfig config = new SlackConfig();
        settings.methodsUrlPrefix().ifPresent(config::setMethodsEndpointUrlPrefix);
        config.setPrettyResponseLoggingEnabled(false);
        // the SDK's call metrics resolve every token with auth.test (the xapp- token fails it) and keep a thread busy
        config.setStatsEnabled(false);
        this.slack = Slack.getInstance(config);
        this.delivery = new SlackDelivery(() -> new SlackPace(settings.postsPerMinute(), liveNodes), telemetry);
        this.uploads = new SlackUploads();
        SlackPeople people = new SlackPeople(clock);
        SeenRequests seen = new SeenRequests(clock, RETRY_WINDOW, 50_000);
        AppConfig.AppConfigBuilder builder = AppConfig.builder()
                .slack(slack)
                .signingSecret(settings.signingSecret().orElse(null))
                .userScope(null)
                .threadPoolSize(1);
        Optional<SlackSettings.Distribution> distribution = settings.distribution();
        SlackInstallations installations = null;
        if (distribution.isPresent()) {
            SlackSettings.Distribution d = distribution.get();
            if (d.publicUrl().startsWith("http://") && !d.publicUrl().matches("http://(localhost|127\\.0\\.0\\.1)(:\\d+)?")) {
                LOG.warn("slack.public-url is {}: browsers keep the install's state cookie (Secure) only over HTTPS, so installs will fail;"
                        + " put studybot behind a proxy that terminates TLS", d.publicUrl());
            }
            Workspaces stores = workspaces.orElseThrow(() -> new IllegalArgumentException("a distributed Slack app needs the installation store"));
            installations = new SlackInstallations(stores.installations(), new SlackTokenCipher(d.tokenKey()), clock,
                    d.publicUrl() + d.installPath());
            this.clients = new SlackClients.Installed(slack, installations, d.clientId(), d.clientSecret());
            SlackInstallPages pages = new SlackInstallPages(d.authorizeUrl(), d.scopes());
            builder.clientId(d.clientId())
                    .clientSecret(d.clientSecret())
                    .scope(String.join(",", d.scopes()))
                    .redirectUri(d.redirectUri())
                    .appPath(null)
                    .oauthInstallPath(d.installPath())
                    .oauthRedirectUriPath(d.redirectPath())
                    .oAuthInstallPageRenderingEnabled(true)
                    .oAuthInstallPageRenderer(pages)
                    .oAuthRedirectUriPageRenderer(pages)
                    .stateValidationEnabled(true)
                    // a workspace's token is checked once a quarter hour; a removed workspace has no installation to find at all
                    .authTestCacheEnabled(true)
                    .authTestCacheExpirationMillis(Duration.ofMinutes(15).toMillis());
            this.app = new App(builder.build()).asOAuthApp(true).service(installations).service(new SlackOAuthStates(stores.oauthStates(), clock));
            new SlackOAuthOutcomes(pages, d.installPath()).register(app);
        } else {
            String token = settings.botToken().orElseThrow();
            this.clients = SlackClients.single(slack.methods(token));
            builder.singleTeamBotToken(token)
                    .clientId(null)
                    .clientSecret(null)
                    .redirectUri(null)
                    .scope(null)
                    // auth.test runs once at start; no request waits on it afterwards
                    .authTestCacheExpirationMillis(-1);
            this.app = new App(builder.build());
        }
        this.inbound = new SlackInbound(clients, people, seen, new SlackReplies(slack, renderer, delivery, uploads), new SlackFiles());
        inbound.register(app);
        if (installations != null) {
            new SlackUninstalls(installations, workspaces.get().pause(), people).register(app);
        }
    }

    /** Connects the adapter to the core: text commands and button actions to {@code handler}. */
    public void bind(CommandHandler handler) {
        inbound.bind(handler);
    }

    /** Checks the bot token ({@code auth.test}) and opens Socket Mode or starts the HTTP server. */
    public void start() throws Exception {
        if (!inbound.bound()) {
            throw new IllegalStateException("bind the Slack adapter to the core before starting it");
        }
        if (settings.distribution().isEmpty()) {
            checkBotToken(settings.botToken().orElseThrow());
        }
        if (settings.mode() == SlackSettings.Mode.SOCKET) {
            socketMode = new SlackSocketMode(app, slack, settings.appToken().orElseThrow(), telemetry);
            socketMode.start();
            LOG.info("Slack adapter started in Socket Mode ({})", settings);
        } else {
            app.start();
            http = new SlackHttpServer(app, settings.httpPort(), telemetry, settings.distribution()
                    .map(d -> java.util.List.of(d.installPath(), d.redirectPath())).orElse(java.util.List.of()));
            http.start();
            LOG.info("Slack adapter started in HTTP mode ({})", settings);
        }
    }

    /** Says plainly whether Slack cannot be reached or refuses the token (Bolt calls both "the token is invalid"). */
    private void checkBotToken(String token) {
        String where = settings.methodsUrlPrefix().orElse("slack.com");
        AuthTestResponse r;
        try {
            r = slack.methods(token).authTest(q -> q);
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

    /** Whether Slack can reach the bot now: the Socket Mode connection is open, or the HTTP server is listening. */
    public boolean connected() {
        SlackSocketMode socket = socketMode;
        return socket != null ? socket.isOpen() : http != null;
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
        SlackMessage message = renderer.render(reply);
        MethodsClient client = clients.of(channel.workspace());
        ChatPostMessageResponse r = delivery.post(channel.workspace(), client, channel.channel(), thread, message);
        // the chart follows its text, in the same place; a refused upload leaves the text alone
        message.picture().ifPresent(p -> uploads.share(client, p, channel.channel(), thread));
        boolean opensThread = thread.isEmpty() && reply instanceof Reply.QuestionCard;
        return new PostedMessage(r.getTs(), opensThread ? Optional.of(r.getTs()) : Optional.empty());
    }

    /** A direct message: chat.postMessage to a user id lands in the app's Messages tab with that member. */
    @Override
    public void tell(WorkspaceRef workspace, String userId, Reply reply) throws DeliveryException {
        delivery.post(workspace.workspace(), clients.of(workspace.workspace()), userId, Optional.empty(), renderer.render(reply));
    }

    @Override
    public void close() {
        if (socketMode != null) {
            socketMode.close();
        }
        if (http != null) {
            http.close();
        }
        inbound.close();
        app.stop();
        try {
            slack.close();
        } catch (Exception e) {
            LOG.warn("Closing the Slack client: {}", e.getMessage());
        }
    }
}
