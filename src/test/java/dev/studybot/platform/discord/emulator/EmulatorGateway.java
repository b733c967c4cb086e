package dev.studybot.platform.discord.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * Discord's gateway: HELLO, heartbeats, IDENTIFY answered with READY and a GUILD_CREATE per server,
 * RESUME answered by replaying what the session missed and RESUMED. Frames are zlib-stream
 * compressed when the client asks (JDA's default), plain JSON otherwise.
 */
final class EmulatorGateway extends WebSocketServer {
    private static final int HEARTBEAT_MS = 41250;

    private final DiscordEmulator emu;
    private final Map<WebSocket, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    private final Map<Integer, Session> currentByShard = new ConcurrentHashMap<>();
    private final List<DiscordEmulator.Identify> identifyLog = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<Integer, Long> lastIdentifyByKey = new ConcurrentHashMap<>();
    private final AtomicInteger identifyRefusals = new AtomicInteger();
    private final AtomicInteger shardingRequired = new AtomicInteger();
    private volatile boolean outage;
    private volatile long readyDoneNanos;
    private volatile int guildsPerShard = 2500;
    private volatile int maxConcurrency = 1;
    private volatile int recommendOverride;
    private volatile long windowNanos = java.time.Duration.ofSeconds(5).toNanos();

    EmulatorGateway(DiscordEmulator emu) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.emu = emu;
        setReuseAddr(true);
        setDaemon(true);
        setConnectionLostTimeout(0);
    }

    void startAndWait() {
        start();
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int port() {
        return getPort();
    }

    int identifies() {
        return identifies.get();
    }

    int resumes() {
        return resumes.get();
    }

    long readyDoneNanos() {
        return readyDoneNanos;
    }

    /** Whether every shard that has a session is connected (and at least one has). */
    boolean connected() {
        return !currentByShard.isEmpty() && currentByShard.values().stream().allMatch(s -> s.socket != null && s.socket.ws.isOpen());
    }

    java.util.Set<Integer> connectedShards() {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        currentByShard.forEach((id, s) -> {
            if (s.socket != null && s.socket.ws.isOpen()) {
                out.add(id);
            }
        });
        return out;
    }

    void sharding(int guildsPerShard, int maxConcurrency, java.time.Duration window) {
        this.guildsPerShard = guildsPerShard;
        this.maxConcurrency = maxConcurrency;
        this.windowNanos = window.toNanos();
    }

    int maxConcurrency() {
        return maxConcurrency;
    }

    void recommend(int shards) {
        recommendOverride = shards;
    }

    int recommendedShards() {
        if (recommendOverride > 0) {
            return recommendOverride;
        }
        int guilds;
        synchronized (emu) {
            guilds = emu.guilds.size();
        }
        return Math.max(1, (guilds + guildsPerShard - 1) / guildsPerShard);
    }

    List<DiscordEmulator.Identify> identifyLog() {
        return List.copyOf(identifyLog);
    }

    int identifyRefusals() {
        return identifyRefusals.get();
    }

    int shardingRequired() {
        return shardingRequired.get();
    }

    static int shardOf(String guildId, int total) {
        return (int) Long.remainderUnsigned(Long.parseUnsignedLong(guildId) >>> 22, total);
    }

    void outage(boolean on) {
        outage = on;
    }

    void dropAll() {
        for (WebSocket ws : connections.keySet()) {
            ws.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped");
        }
    }

    void shutdown() {
        try {
            stop(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        if (outage) {
            throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "gateway outage");
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Connection c = new Connection(conn, handshake.getResourceDescriptor().contains("compress=zlib-stream"));
        connections.put(conn, c);
        ObjectNode hello = Json.object().put("op", 10);
        hello.putObject("d").put("heartbeat_interval", HEARTBEAT_MS);
        c.send(hello);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Connection c = connections.remove(conn);
        if (c != null && c.session != null && c.session.socket == c) {
            c.session.socket = null;
        }
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Connection c = connections.get(conn);
        if (c == null) {
            return;
        }
        JsonNode frame = Json.parse(message.getBytes(StandardCharsets.UTF_8));
        switch (frame.path("op").asInt()) {
            case 1 -> c.send(Json.object().put("op", 11));
            case 2 -> identify(c, frame.path("d"));
            case 6 -> resume(c, frame.path("d"));
            default -> {
                // presence and voice updates: nothing to do
            }
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        onMessage(conn, StandardCharsets.UTF_8.decode(message).toString());
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // a dropped connection surfaces here as well; the client reconnects on its own
    }

    private void identify(Connection c, JsonNode d) {
        int shard = d.path("shard").path(0).asInt(0);
        int total = d.path("shard").path(1).asInt(1);
        if (total < 1 || shard < 0 || shard >= total) {
            c.ws.close(4010, "Invalid shard");
            return;
        }
        long now = System.nanoTime();
        synchronized (lastIdentifyByKey) {
            int key = shard % maxConcurrency;
            Long last = lastIdentifyByKey.get(key);
            if (last != null && now - last < windowNanos) {
                // Discord answers an identify over max_concurrency in the window with an invalid session
                identifyRefusals.incrementAndGet();
                c.send(Json.object().put("op", 9).put("d", false));
                return;
            }
            lastIdentifyByKey.put(key, now);
        }
        List<EmuGuild> guilds;
        synchronized (emu) {
            guilds = emu.guilds.values().stream().filter(g -> shardOf(g.id(), total) == shard).toList();
        }
        if (guilds.size() > guildsPerShard) {
            shardingRequired.incrementAndGet();
            c.ws.close(4011, "Sharding required.");
            return;
        }
        identifies.incrementAndGet();
        identifyLog.add(new DiscordEmulator.Identify(shard, total, now));
        Session s = new Session(UUID.randomUUID().toString().replace("-", ""), shard, total);
        sessions.put(s.id, s);
        synchronized (s) {
            s.socket = c;
            c.session = s;
            currentByShard.values().removeIf(old -> old.total != total);
            currentByShard.put(shard, s);
            ObjectNode ready = Json.object().put("v", 10).put("session_id", s.id).put("resume_gateway_url", emu.gatewayUrl())
                    .put("session_type", "normal");
            ready.set("user", emu.botUser);
            ArrayNode list = ready.putArray("guilds");
            guilds.forEach(g -> list.addObject().put("id", g.id()).put("unavailable", true));
            ready.set("private_channels", Json.array());
            ready.set("relationships", Json.array());
            ready.set("guild_join_requests", Json.array());
            ready.putObject("application").put("id", emu.botId).put("flags", 0);
            ready.set("_trace", Json.array().add("emulator"));
            dispatchLocked(s, "READY", ready);
            for (EmuGuild g : guilds) {
                dispatchLocked(s, "GUILD_CREATE", emu.guildCreate(g));
            }
            readyDoneNanos = System.nanoTime();
        }
    }

    private void resume(Connection c, JsonNode d) {
        Session s = sessions.get(d.path("session_id").asText());
        if (s == null) {
            c.send(Json.object().put("op", 9).put("d", false));
            return;
        }
        resumes.incrementAndGet();
        long seq = d.path("seq").asLong();
        synchronized (s) {
            s.socket = c;
            c.session = s;
            currentByShard.put(s.shard, s);
            for (ObjectNode event : s.log) {
                if (event.path("s").asLong() > seq) {
                    c.send(event);
                }
            }
            ObjectNode resumed = Json.object();
            resumed.set("_trace", Json.array().add("emulator"));
            dispatchLocked(s, "RESUMED", resumed);
        }
    }

    /**
     * Sends an event on the session of its server's shard (direct messages on shard 0); with no
     * connection it waits in the log for a resume.
     */
    void dispatch(String type, ObjectNode data) {
        String guild = data.path("guild_id").asText("");
        Session s = currentByShard.values().stream()
                .filter(x -> guild.isEmpty() ? x.shard == 0 : shardOf(guild, x.total) == x.shard).findFirst().orElse(null);
        if (s == null) {
            throw new IllegalStateException("no gateway session for " + (guild.isEmpty() ? "shard 0" : "server " + guild) + " yet");
        }
        synchronized (s) {
            dispatchLocked(s, type, data);
        }
    }

    private void dispatchLocked(Session s, String type, ObjectNode data) {
        ObjectNode event = Json.object().put("op", 0).put("t", type).put("s", ++s.seq);
        event.set("d", data);
        if (!type.equals("READY") && !type.equals("GUILD_CREATE")) {
            s.log.add(event);
        }
        Connection c = s.socket;
        if (c != null && c.ws.isOpen()) {
            c.send(event);
        }
    }

    /** A gateway session: its sequence and the events a resume may need to replay. */
    private static final class Session {
        final String id;
        final int shard;
        final int total;
        final List<ObjectNode> log = new ArrayList<>();
        long seq;
        volatile Connection socket;

        Session(String id, int shard, int total) {
            this.id = id;
            this.shard = shard;
            this.total = total;
        }
    }

    /** One WebSocket connection, with its zlib stream when compressed. */
    private static final class Connection {
        final WebSocket ws;
        final Deflater deflater;
        volatile Session session;

        Connection(WebSocket ws, boolean compressed) {
            this.ws = ws;
            this.deflater = compressed ? new Deflater() : null;
        }

        synchronized void send(ObjectNode frame) {
            if (!ws.isOpen()) {
                return;
            }
            byte[] json = Json.write(frame).getBytes(StandardCharsets.UTF_8);
            try {
                if (deflater == null) {
                    ws.send(new String(json, StandardCharsets.UTF_8));
                    return;
                }
                deflater.setInput(json);
                ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
                byte[] buf = new byte[8192];
                int n;
                do {
                    n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                    out.write(buf, 0, n);
                } while (n == buf.length);
                ws.send(out.toByteArray());
            } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
                // the client is gone; a resume replays what it missed
            }
        }
    }
}
