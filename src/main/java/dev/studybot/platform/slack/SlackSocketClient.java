package dev.studybot.platform.slack;

import com.slack.api.Slack;
import com.slack.api.socket_mode.impl.SocketModeClientJavaWSImpl;
import com.slack.api.socket_mode.queue.impl.ConcurrentLinkedMessageQueue;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's Java-WebSocket Socket Mode client with its connection replaced, for three reasons
 * measured against the emulator: its socket leaves Nagle's algorithm on, so an ack written while
 * the previous one is unacknowledged waits for the server's delayed TCP ACK (a p50 of 20 ms at
 * 50 commands/s); its messages wait for a 10 ms polling loop; and its session monitor stops for
 * good when {@code apps.connections.open} answers {@code ok:false}. Here the socket has
 * TCP_NODELAY, each message is handed on as it arrives (in order, on one thread), and the monitor
 * (still the SDK's, every 5 s) survives any failure. Listeners, envelope parsing and the
 * {@code disconnect} refresh are the SDK's own.
 */
final class SlackSocketClient extends SocketModeClientJavaWSImpl {
    private static final Logger LOG = LoggerFactory.getLogger(SlackSocketClient.class);
    private static final long PONG_WAIT_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final ExecutorService inbox = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "studybot-slack-socket");
        t.setDaemon(true);
        return t;
    });
    private volatile Session session;

    SlackSocketClient(Slack slack, String appToken) throws IOException, URISyntaxException {
        super(slack, appToken, slack.issueSocketModeUrl(appToken), 1, new ConcurrentLinkedMessageQueue(), false, true,
                DEFAULT_SESSION_MONITOR_INTERVAL_MILLISECONDS);
        // messages never go through the SDK's polled queue: stop its poller
        getMessageProcessorExecutor().shutdownNow();
    }

    /** Whether the current connection is open (without a ping). */
    boolean isOpen() {
        Session s = session;
        return s != null && s.isOpen();
    }

    @Override
    public void connect() {
        Session s = new Session(getWssUri());
        session = s;
        s.connect();
    }

    @Override
    public void connectToNewEndpoint() throws IOException {
        try {
            setWssUri(new URI(getSlack().issueSocketModeUrl(getAppToken())));
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Session old = session;
        connect();
        if (old != null) {
            old.close();
        }
    }

    @Override
    public boolean verifyConnection() {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return false;
        }
        long sent = System.nanoTime();
        try {
            s.sendPing();
            while (System.nanoTime() - sent < PONG_WAIT_NANOS) {
                if (s.lastPong.get() - sent >= 0) {
                    return true;
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("Socket Mode ping failed: {}", e.getMessage());
        }
        return false;
    }

    @Override
    public long maintainCurrentSession() {
        if (isAutoReconnectEnabled() && !verifyConnection()) {
            try {
                LOG.info("Slack Socket Mode: reconnecting");
                connectToNewEndpoint();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Slack Socket Mode: reconnecting failed, trying again in 10 s: {}", e.getMessage());
                return System.currentTimeMillis() + 10_000L;
            }
        }
        return System.currentTimeMillis();
    }

    @Override
    public void disconnect() {
        setAutoReconnectEnabled(false);
        Session s = session;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void sendWebSocketMessage(String message) {
        Session s = session;
        if (s == null) {
            throw new IllegalStateException("Socket Mode is not connected");
        }
        s.send(message);
    }

    @Override
    public void enqueueMessage(String message) {
        inbox.execute(() -> {
            try {
                processMessage(message);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Slack Socket Mode message failed: {}", e.getMessage());
            }
        });
    }

    @Override
    public void close() throws IOException {
        super.close();
        inbox.shutdownNow();
    }

    /** One WebSocket connection to a URL that apps.connections.open issued. */
    private final class Session extends WebSocketClient {
        private final AtomicLong lastPong = new AtomicLong(System.nanoTime() - TimeUnit.DAYS.toNanos(1));

        Session(URI uri) {
            super(uri);
            setTcpNoDelay(true);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            LOG.info("Slack Socket Mode: connected");
        }

        @Override
        public void onMessage(String message) {
            if (this == session) {
                enqueueMessage(message);
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            if (this == session && code >= 1000) {
                runCloseListenersAndAutoReconnectAsNecessary(code, reason);
            }
        }

        @Override
        public void onError(Exception e) {
            if (this == session) {
                runErrorListeners(e);
            }
        }

        @Override
        public void onWebsocketPong(WebSocket conn, Framedata f) {
            lastPong.set(System.nanoTime());
        }
    }
}
