package dev.studybot.platform.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode end: accepts a connection for a ticket issued by {@code apps.connections.open},
 * says hello, sends envelopes and records each ack with the time it came back.
 */
final class SocketModeServer extends WebSocketServer {
    private final SlackEmulator emulator;
    private final CountDownLatch started = new CountDownLatch(1);
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private volatile WebSocket current;

    /** An envelope's ack: what came back and how long it took (nanoseconds). */
    record Ack(String envelopeId, JsonNode payload, long nanos) {
    }

    private record Pending(long sentAt, CompletableFuture<Ack> ack) {
    }

    SocketModeServer(SlackEmulator emulator) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.emulator = emulator;
        setReuseAddr(true);
        setTcpNoDelay(true);
        setDaemon(true);
    }

    void startAndWait() throws InterruptedException, IOException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IOException("the Socket Mode server did not start");
        }
    }

    String newUrl() {
        String ticket = UUID.randomUUID().toString();
        tickets.add(ticket);
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=" + ticket;
    }

    /** How many connections were opened so far (a reconnect adds one). */
    int connectionsOpened() {
        return opened.get();
    }

    boolean connected() {
        WebSocket ws = current;
        return ws != null && ws.isOpen();
    }

    /** Cuts every connection without a close handshake, as a network failure would. */
    void dropAll() {
        for (WebSocket ws : getConnections()) {
            ws.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped");
        }
    }

    /** Sends an envelope on the current connection; the future completes with the app's ack. */
    CompletableFuture<Ack> send(String type, JsonNode payload, int retryAttempt) {
        WebSocket ws = current;
        if (ws == null || !ws.isOpen()) {
            throw new IllegalStateException("no Socket Mode connection");
        }
        String id = UUID.randomUUID().toString();
        ObjectNode envelope = emulator.json.createObjectNode();
        envelope.put("envelope_id", id).put("type", type).put("accepts_response_payload", type.equals("slash_commands") || type.equals("interactive"));
        envelope.set("payload", payload);
        if (retryAttempt > 0) {
            envelope.put("retry_attempt", retryAttempt).put("retry_reason", "timeout");
        }
        CompletableFuture<Ack> ack = new CompletableFuture<>();
        pending.put(id, new Pending(System.nanoTime(), ack));
        ws.send(envelope.toString());
        return ack;
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        String resource = request.getResourceDescriptor();
        int at = resource.indexOf("ticket=");
        if (emulator.inOutage() || at < 0 || !tickets.remove(resource.substring(at + "ticket=".length()))) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "no valid ticket");
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        current = conn;
        opened.incrementAndGet();
        ObjectNode hello = emulator.json.createObjectNode().put("type", "hello").put("num_connections", 1);
        hello.putObject("connection_info").put("app_id", "A0STUDYBOT");
        hello.putObject("debug_info").put("host", "emulator").put("approximate_connection_time", 18060);
        conn.send(hello.toString());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        try {
            JsonNode ack = emulator.json.readTree(message);
            Pending p = pending.remove(ack.path("envelope_id").asText());
            if (p != null) {
                p.ack().complete(new Ack(ack.path("envelope_id").asText(), ack.path("payload"), System.nanoTime() - p.sentAt()));
            }
        } catch (IOException e) {
            // not an ack: ignore, as Slack does
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        if (current == conn) {
            current = null;
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // a dropped connection shows up here too
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
