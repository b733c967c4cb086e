package dev.studybot.platform.slack;

import dev.studybot.port.out.Telemetry;
import java.time.Duration;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.response.AckResponse;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode: envelopes from {@link SlackSocketClient} run through the Bolt app on a small pool
 * and their acks go back on the socket, as Bolt's {@code SocketModeApp} does it.
 */
final class SlackSocketMode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);

    private final App app;
    private final Slack slack;
    private final String appToken;
    private final SocketModeRequestParser parser;
    private final Gson gson;
    private final ExecutorService handlers;
    private final Telemetry telemetry;
    private SlackSocketClient client;

    SlackSocketMode(App app, Slack slack, String appToken, Telemetry telemetry) {
        this.app = app;
        this.telemetry = telemetry;
        this.slack = slack;
        this.appToken = appToken;
        this.parser = new SocketModeRequestParser(app.config());
        this.gson = GsonFactory.createSnakeCase(slack.getConfig());
        AtomicInteger n = new AtomicInteger();
        this.handlers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "studybot-slack-bolt-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks the bot token, asks for a Socket Mode URL with the app token, and connects. */
    void start() throws IOException, URISyntaxException {
        app.start();
        try {
            client = new SlackSocketClient(slack, appToken);
        } catch (IllegalStateException e) {
            // apps.connections.open answered ok:false
            throw new IllegalStateException("Slack refused SLACK_APP_TOKEN for Socket Mode: " + e.getMessage()
                    + " (it must be an app-level xapp- token with the connections:write scope)", e);
        }
        client.addWebSocketMessageListener(message -> {
            long received = System.nanoTime();
            handlers.execute(() -> run(message, received));
        });
        client.addWebSocketCloseListener((code, reason) ->
                LOG.warn("Slack Socket Mode connection closed ({} {}); it reconnects within seconds", code, reason));
        client.connect();
        client.setAutoReconnectEnabled(true);
    }

    boolean isOpen() {
        return client != null && client.isOpen();
    }

    private void run(String message, long received) {
        SocketModeRequest request = parser.parse(message);
        if (request == null) {
            return;
        }
        try {
            Response response = app.run(request.getBoltRequest());
            if (response.getStatusCode() != 200) {
                LOG.warn("Slack request not handled (status {})", response.getStatusCode());
                return;
            }
            client.sendSocketModeResponse(ack(request.getEnvelope().getEnvelopeId(), response));
            telemetry.acknowledged(SlackAdapter.NAME, Duration.ofNanos(System.nanoTime() - received));
        } catch (Exception e) {
            LOG.warn("Slack request failed: {}", e.toString());
        }
    }

    private String ack(String envelopeId, Response response) {
        if (response.getBody() == null) {
            return gson.toJson(new AckResponse(envelopeId));
        }
        Map<String, Object> ack = new HashMap<>();
        ack.put("envelope_id", envelopeId);
        if (response.getContentType() != null && response.getContentType().startsWith("application/json")) {
            ack.put("payload", gson.fromJson(response.getBody(), JsonElement.class));
        } else {
            ack.put("payload", Map.of("text", response.getBody()));
        }
        return gson.toJson(ack);
    }

    @Override
    public void close() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Closing Socket Mode: {}", e.getMessage());
            }
        }
        handlers.shutdownNow();
        app.stop();
    }
}
