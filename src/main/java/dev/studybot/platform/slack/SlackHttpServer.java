package dev.studybot.platform.slack;

import dev.studybot.port.out.Telemetry;
import java.time.Duration;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: slash commands, interactivity and events arrive as POSTs on {@value #PATH}, served
 * by the JDK's own HTTP server and handed to Bolt ({@link SlackRequestParser} then
 * {@link App#run}), whose request verification checks the signature and the timestamp of each
 * one. A distributed app also serves the install page and the OAuth redirect to browsers (GET).
 */
final class SlackHttpServer implements AutoCloseable {
    static final String PATH = "/slack/events";
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpServer.class);
    private static final int MAX_BODY = 1 << 20;

    private final App app;
    private final SlackRequestParser parser;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Telemetry telemetry;

    SlackHttpServer(App app, int port, Telemetry telemetry, List<String> pages) throws IOException {
        this.app = app;
        this.telemetry = telemetry;
        this.parser = new SlackRequestParser(app.config());
        this.server = HttpServer.create(new InetSocketAddress(port), 128);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "studybot-slack-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
        for (String page : pages) {
            server.createContext(page, this::page);
        }
    }

    void start() {
        server.start();
        LOG.info("Slack HTTP mode: listening on port {} at {}", port(), PATH);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        serve(exchange, "POST");
    }

    /** The install page and the redirect: what a browser opens. */
    private void page(HttpExchange exchange) throws IOException {
        serve(exchange, "GET");
    }

    private void serve(HttpExchange exchange, String method) throws IOException {
        long received = System.nanoTime();
        try (exchange) {
            if (!exchange.getRequestMethod().equals(method)) {
                exchange.getResponseHeaders().set("Allow", method);
                send(exchange, 405, "text/plain", method + " only");
                return;
            }
            byte[] body = read(exchange.getRequestBody());
            if (body == null) {
                send(exchange, 413, "text/plain", "request too large");
                return;
            }
            Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(query(exchange.getRequestURI().getRawQuery()))
                    .headers(new RequestHeaders(new HashMap<>(exchange.getRequestHeaders())))
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build());
            if (request == null) {
                send(exchange, 400, "text/plain", "not a Slack request");
                return;
            }
            Response response = app.run(request);
            response.getHeaders().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            send(exchange, response.getStatusCode(), response.getContentType(), response.getBody());
            if (response.getStatusCode() == 200 && method.equals("POST")) {
                telemetry.acknowledged(SlackAdapter.NAME, Duration.ofNanos(System.nanoTime() - received));
            }
        } catch (Exception e) {
            LOG.warn("Slack HTTP request failed: {}", e.toString());
            try {
                send(exchange, 500, "text/plain", "error");
            } catch (IOException | RuntimeException ignored) {
                // the response may already have been started
            }
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
