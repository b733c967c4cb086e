package dev.studybot.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint, on the JDK's HTTP server: {@code /health/live} answers 200 while the
 * process serves requests; {@code /health/ready} 200 when every check passes (each gets
 * {@link #CHECK_DEADLINE}), else 503, listing each check; {@code /metrics} the Prometheus text.
 */
public final class OpsServer implements AutoCloseable {
    static final Duration CHECK_DEADLINE = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** One readiness check: its name (database, started, a platform's name) and whether it passes now. */
    public record Check(String name, BooleanSupplier passes) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Supplier<List<Check>> checks;
    private final Supplier<String> metrics;

    /** Listens on {@code port} of every interface (0: any free port); {@code checks} are asked afresh for every probe. */
    public OpsServer(int port, Supplier<List<Check>> checks, Supplier<String> metrics) {
        this.checks = checks;
        this.metrics = metrics;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 16);
        } catch (BindException e) {
            throw new IllegalStateException("ops.port: port " + port + " is in use", e);
        } catch (IOException e) {
            throw new UncheckedIOException("ops.port: cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        server.setExecutor(executor);
        server.createContext("/health/live", exchange -> answer(exchange, () -> new Answer(200, "text/plain", "live\n")));
        server.createContext("/health/ready", exchange -> answer(exchange, this::ready));
        server.createContext("/metrics", exchange -> answer(exchange, () -> new Answer(200, PROMETHEUS_TEXT, metrics.get())));
        server.createContext("/", exchange -> answer(exchange, () -> new Answer(404, "text/plain", "/health/live, /health/ready, /metrics\n")));
    }

    public OpsServer start() {
        server.start();
        LOG.info("Operations endpoint on port {}: /health/live, /health/ready, /metrics", port());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private record Answer(int status, String type, String body) {
    }

    private Answer ready() {
        List<Check> now = checks.get();
        Map<String, CompletableFuture<Boolean>> results = now.stream().collect(Collectors.toMap(Check::name,
                c -> CompletableFuture.supplyAsync(() -> c.passes().getAsBoolean(), executor)
                        .completeOnTimeout(false, CHECK_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                        .exceptionally(e -> false),
                (a, b) -> a, java.util.LinkedHashMap::new));
        StringBuilder body = new StringBuilder();
        boolean all = true;
        for (Map.Entry<String, CompletableFuture<Boolean>> r : results.entrySet()) {
            boolean passes = r.getValue().join();
            all &= passes;
            body.append(r.getKey()).append(": ").append(passes ? "up" : "down").append('\n');
        }
        return new Answer(all ? 200 : 503, "text/plain", (all ? "ready\n" : "not ready\n") + body);
    }

    private static void answer(HttpExchange exchange, Supplier<Answer> answer) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Answer a = method.equals("GET") || method.equals("HEAD") ? answer.get() : new Answer(405, "text/plain", "GET only\n");
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", a.type());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = method.equals("HEAD");
            exchange.sendResponseHeaders(a.status(), head || bytes.length == 0 ? -1 : bytes.length);
            if (!head && bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Operations endpoint: {}", e.toString());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
