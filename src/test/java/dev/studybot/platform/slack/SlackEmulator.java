package dev.studybot.platform.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Slack for tests, on 127.0.0.1: the Web API methods studybot calls ({@code auth.test},
 * {@code apps.connections.open}, {@code chat.postMessage}, {@code chat.postEphemeral},
 * {@code views.open}, {@code users.info}, {@code usergroups.list}, and the file upload of
 * {@code files.getUploadURLExternal}, a POST of the bytes to the URL it gives, and
 * {@code files.completeUploadExternal}), the {@code response_url}s it
 * hands out, and a Socket Mode server ({@link SocketModeServer}). It records what the app sent,
 * can play an outage, and builds the payloads Slack would send ({@link SlackRequests}).
 */
final class SlackEmulator implements AutoCloseable {
    static final String TEAM = "T0EMU0001";
    static final String BOT_USER = "U0STUDYBOT";
    static final String BOT_TOKEN = "xoxb-emulator-bot-token";
    static final String APP_TOKEN = "xapp-1-emulator-app-token";
    static final String SIGNING_SECRET = "emulator-signing-secret-0123456789";
    /** How long a trigger_id may be used, as on Slack. */
    static final long TRIGGER_MILLIS = 3000;
    /** What Slack turns into a ping or a mention: a special mention, or a bare broadcast word. */
    static final Pattern PING = Pattern.compile("<!|<@|<#|@(?i:channel|here|everyone)\\b");

    final ObjectMapper json = new ObjectMapper();
    private final HttpServer web;
    private final ExecutorService webThreads = Executors.newFixedThreadPool(8);
    final SocketModeServer socket;
    private final AtomicLong sequence = new AtomicLong(1);
    private final AtomicLong tsCounter = new AtomicLong(1_700_000_000_000_100L);

    /** Slack's members, by id. */
    final Map<String, Member> members = new ConcurrentHashMap<>();
    /** User groups: handle to member ids. */
    final Map<String, Set<String>> userGroups = new ConcurrentHashMap<>();
    /** chat.postMessage in these channels fails with this error code. */
    final Map<String, String> channelErrors = new ConcurrentHashMap<>();
    /** Trigger ids handed out, with when (millis). */
    final Map<String, Long> triggers = new ConcurrentHashMap<>();
    /** The next calls of these methods get HTTP 429 with Retry-After: 1 (a count per method). */
    final Map<String, Integer> rateLimited = new ConcurrentHashMap<>();
    private volatile boolean outage;
    private volatile boolean apiOutage;
    /** Slack's per-channel limit for chat.postMessage when on: a burst of two, then one a second. */
    private volatile boolean channelLimits;
    private final Map<String, double[]> channelBuckets = new ConcurrentHashMap<>();
    final java.util.concurrent.atomic.AtomicInteger channelLimited = new java.util.concurrent.atomic.AtomicInteger();
    /** A workspace-wide limit on chat.postMessage when above 0: at most this many in any 60 seconds. */
    private volatile int workspacePerMinute;
    private final java.util.ArrayDeque<Long> workspacePosts = new java.util.ArrayDeque<>();
    final java.util.concurrent.atomic.AtomicInteger workspaceLimited = new java.util.concurrent.atomic.AtomicInteger();
    /** When each chat.postMessage was taken (System.nanoTime), in order. */
    final List<Long> postNanos = new CopyOnWriteArrayList<>();

    final List<String> calls = new CopyOnWriteArrayList<>();
    /** The channel of every chat.postMessage call, answered or not (an outage, a 429). */
    final List<String> postAttempts = new CopyOnWriteArrayList<>();
    final List<Posted> posts = new CopyOnWriteArrayList<>();
    final List<Ephemeral> ephemerals = new CopyOnWriteArrayList<>();
    final List<Responded> responses = new CopyOnWriteArrayList<>();
    final List<OpenedView> views = new CopyOnWriteArrayList<>();

    record Member(String id, String name, String displayName, boolean admin, boolean owner) {
        static Member plain(String id, String name) {
            return new Member(id, name, name, false, false);
        }
    }

    /** A chat.postMessage the app made. */
    record Posted(String channel, String ts, String threadTs, String text, JsonNode blocks) {
        /** All mrkdwn and plain text of the blocks, and the fallback text. */
        String allText() {
            return text + "\n" + SlackEmulator.texts(blocks);
        }
    }

    record Ephemeral(String channel, String user, String text, JsonNode blocks) {
        String allText() {
            return text + "\n" + SlackEmulator.texts(blocks);
        }
    }

    /** A POST to a response_url the emulator handed out. */
    record Responded(String url, JsonNode body) {
        String responseType() {
            return body.path("response_type").asText("ephemeral");
        }

        String allText() {
            return body.path("text").asText("") + "\n" + SlackEmulator.texts(body.path("blocks"));
        }
    }

    record OpenedView(String triggerId, JsonNode view) {
    }

    /** A file whose upload URL was handed out; {@code bytes} once they arrived at the URL. */
    record Upload(String id, String filename, int length, String altTxt, byte[] bytes) {
    }

    /** A completed upload: shared in a channel (and thread), or kept private to the bot when {@code channel} is null. */
    record Shared(String id, String channel, String threadTs, String title, String altTxt, String filename, byte[] bytes) {
    }

    /** Installing in several workspaces: the consent page, oauth.v2.access and the tokens granted. */
    final SlackEmulatorInstalls installs = new SlackEmulatorInstalls(this);

    /** A file a member shared: its name, type, bytes, and the size files.info declares. */
    record MemberFile(String id, String name, String mimetype, byte[] bytes, long declaredSize) {
    }

    /** Files members shared, by id, as files.info describes them and url_private_download serves them. */
    final Map<String, MemberFile> memberFiles = new ConcurrentHashMap<>();
    final java.util.concurrent.atomic.AtomicInteger downloads = new java.util.concurrent.atomic.AtomicInteger();
    /** The token each download of a member's file carried, in order. */
    final List<String> downloadTokens = new CopyOnWriteArrayList<>();

    /** A file a member shares; the app finds it with files.info. */
    MemberFile memberFile(String name, String mimetype, byte[] bytes) {
        return memberFile(name, mimetype, bytes, bytes.length);
    }

    MemberFile memberFile(String name, String mimetype, byte[] bytes, long declaredSize) {
        MemberFile f = new MemberFile("F" + nextId(), name, mimetype, bytes.clone(), declaredSize);
        memberFiles.put(f.id(), f);
        return f;
    }

    private ObjectNode filesInfo(Map<String, String> p) {
        MemberFile f = memberFiles.get(p.getOrDefault("file", ""));
        if (f == null) {
            return error("file_not_found");
        }
        ObjectNode out = ok();
        String url = "http://127.0.0.1:" + web.getAddress().getPort() + "/files-pri/" + SlackEmulator.TEAM + "-" + f.id() + "/download/" + f.name();
        out.putObject("file").put("id", f.id()).put("name", f.name()).put("title", f.name()).put("mimetype", f.mimetype())
                .put("filetype", "text").put("size", f.declaredSize()).put("url_private", url).put("url_private_download", url);
        return out;
    }

    /** url_private_download: the bytes of a member's file, for the bot token only, as Slack serves private files. */
    private void download(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String[] parts = exchange.getRequestURI().getPath().split("/");
            MemberFile f = parts.length > 2 ? memberFiles.get(parts[2].substring(parts[2].indexOf('-') + 1)) : null;
            String token = auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()) : null;
            if (!BOT_TOKEN.equals(token) && installs.grant(token).isEmpty()) {
                // Slack answers an unauthenticated download with its sign-in page, not the file
                send(exchange, 302, "text/html", "<html>sign in</html>");
                return;
            }
            if (f == null) {
                send(exchange, 404, "text/plain", "not found");
                return;
            }
            downloads.incrementAndGet();
            downloadTokens.add(token);
            exchange.getResponseHeaders().set("Content-Type", f.mimetype());
            exchange.sendResponseHeaders(200, f.bytes().length);
            exchange.getResponseBody().write(f.bytes());
        }
    }

    /** Uploads by file id, as they progress. */
    final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    final List<Shared> files = new CopyOnWriteArrayList<>();
    /** Whether the app's token has the files:write scope (as installed from a manifest that asks for it). */
    volatile boolean filesWrite = true;

    SlackEmulator() throws IOException, InterruptedException {
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        web.setExecutor(webThreads);
        web.createContext("/api/", this::api);
        web.createContext("/respond/", this::respond);
        web.createContext("/upload/", this::upload);
        web.createContext("/oauth/v2/authorize", installs::authorize);
        web.createContext("/files-pri/", this::download);
        web.start();
        socket = new SocketModeServer(this);
        socket.startAndWait();
    }

    String apiBaseUrl() {
        return "http://127.0.0.1:" + web.getAddress().getPort() + "/api/";
    }

    /** The consent page installs go to (slack.authorize-url). */
    String authorizeUrl() {
        return "http://127.0.0.1:" + web.getAddress().getPort() + "/oauth/v2/authorize";
    }

    String newResponseUrl() {
        return "http://127.0.0.1:" + web.getAddress().getPort() + "/respond/" + sequence.incrementAndGet();
    }

    String newTriggerId() {
        String id = sequence.incrementAndGet() + "." + System.nanoTime() + ".trigger";
        triggers.put(id, System.currentTimeMillis());
        return id;
    }

    long nextId() {
        return sequence.incrementAndGet();
    }

    void addMember(Member member) {
        members.put(member.id(), member);
    }

    /** Web API answers 503 and Socket Mode refuses connections while on; existing sockets are dropped. */
    void outage(boolean on) {
        outage = on;
        if (on) {
            socket.dropAll();
        }
    }

    /** Only the Web API and response_urls answer 503; sockets stay up. */
    void apiOutage(boolean on) {
        apiOutage = on;
    }

    boolean inOutage() {
        return outage;
    }

    List<Responded> responsesTo(String url) {
        return responses.stream().filter(r -> r.url().endsWith(url.substring(url.indexOf("/respond/")))).toList();
    }

    List<Posted> postsIn(String channel) {
        return posts.stream().filter(p -> p.channel().equals(channel)).toList();
    }

    /** Every text the app sent (posts, ephemeral messages, response_url answers) that Slack would act on as a ping. */
    List<String> pings() {
        return Stream.of(posts.stream().map(Posted::allText), ephemerals.stream().map(Ephemeral::allText),
                        responses.stream().map(Responded::allText))
                .flatMap(s -> s).filter(text -> PING.matcher(text).find()).toList();
    }

    // ---------------------------------------------------------------- Web API

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            calls.add(method);
            Map<String, String> params = params(exchange);
            if (method.equals("chat.postMessage")) {
                postAttempts.add(params.getOrDefault("channel", ""));
            }
            if (outage || apiOutage) {
                send(exchange, 503, "text/plain", "service unavailable");
                return;
            }
            if (method.equals("chat.postMessage") && overWorkspaceLimit()) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 429, "application/json", "{\"ok\":false,\"error\":\"ratelimited\"}");
                return;
            }
            if (method.equals("chat.postMessage") && overChannelLimit(params.getOrDefault("channel", ""))) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 429, "application/json", "{\"ok\":false,\"error\":\"ratelimited\"}");
                return;
            }
            if (takeRateLimit(method)) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 429, "application/json", "{\"ok\":false,\"error\":\"ratelimited\"}");
                return;
            }
            String token = token(exchange, params);
            installs.calls.add(new String[] {method, String.valueOf(token)});
            ObjectNode out = switch (method) {
                case "oauth.v2.access" -> installs.access(exchange, params);
                case "auth.test" -> authTest(token);
                case "apps.connections.open" -> connectionsOpen(token);
                case "chat.postMessage" -> withBot(token, () -> postMessage(params));
                case "chat.postEphemeral" -> withBot(token, () -> postEphemeral(params));
                case "views.open" -> withBot(token, () -> viewsOpen(params));
                case "users.info" -> withBot(token, () -> usersInfo(token, params));
                case "usergroups.list" -> withBot(token, this::usergroupsList);
                case "files.getUploadURLExternal" -> withBot(token, () -> getUploadUrl(params));
                case "files.completeUploadExternal" -> withBot(token, () -> completeUpload(params));
                case "files.info" -> withBot(token, () -> filesInfo(params));
                default -> error("unknown_method");
            };
            send(exchange, 200, "application/json; charset=utf-8", json.writeValueAsString(out));
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", e.toString());
        }
    }

    /** A workspace-wide limit on chat.postMessage: at most {@code perMinute} in any 60 seconds (0: none). */
    void workspaceLimit(int perMinute) {
        workspacePerMinute = perMinute;
    }

    private boolean overWorkspaceLimit() {
        int limit = workspacePerMinute;
        if (limit <= 0) {
            return false;
        }
        synchronized (workspacePosts) {
            long now = System.nanoTime();
            while (!workspacePosts.isEmpty() && now - workspacePosts.peekFirst() >= 60_000_000_000L) {
                workspacePosts.pollFirst();
            }
            if (workspacePosts.size() >= limit) {
                workspaceLimited.incrementAndGet();
                return true;
            }
            workspacePosts.addLast(now);
            return false;
        }
    }

    /** Turns on Slack's limit of about one message a second in a channel (a burst of two). */
    void channelLimits(boolean on) {
        channelLimits = on;
    }

    private boolean overChannelLimit(String channel) {
        if (!channelLimits) {
            return false;
        }
        double[] bucket = channelBuckets.computeIfAbsent(channel, c -> new double[] {2, System.nanoTime()});
        synchronized (bucket) {
            long now = System.nanoTime();
            bucket[0] = Math.min(2, bucket[0] + (now - bucket[1]) / 1e9);
            bucket[1] = now;
            if (bucket[0] < 1) {
                channelLimited.incrementAndGet();
                return true;
            }
            bucket[0] -= 1;
            return false;
        }
    }

    private boolean takeRateLimit(String method) {
        java.util.concurrent.atomic.AtomicBoolean hit = new java.util.concurrent.atomic.AtomicBoolean();
        rateLimited.computeIfPresent(method, (k, n) -> {
            hit.set(true);
            return n > 1 ? n - 1 : null;
        });
        return hit.get();
    }

    private interface Call {
        ObjectNode run() throws IOException;
    }

    private ObjectNode withBot(String token, Call call) throws IOException {
        return BOT_TOKEN.equals(token) || installs.grant(token).isPresent() ? call.run() : error(token == null ? "not_authed" : "invalid_auth");
    }

    private ObjectNode authTest(String token) {
        var grant = installs.grant(token);
        if (grant.isPresent()) {
            SlackEmulatorInstalls.Team t = grant.get().team();
            ObjectNode out = ok();
            out.put("url", "https://" + t.id().toLowerCase(java.util.Locale.ROOT) + ".slack.test/").put("team", t.name()).put("user", "studybot")
                    .put("user_id", "U0BOT" + t.id()).put("bot_id", "B0" + t.id()).put("is_enterprise_install", t.orgWide());
            if (!t.orgWide()) {
                out.put("team_id", t.id());
            }
            if (t.enterprise() != null) {
                out.put("enterprise_id", t.enterprise());
            }
            return out;
        }
        if (!BOT_TOKEN.equals(token)) {
            return error("invalid_auth");
        }
        ObjectNode out = ok();
        out.put("url", "https://emulator.slack.test/").put("team", "Emulator").put("user", "studybot")
                .put("team_id", TEAM).put("user_id", BOT_USER).put("bot_id", "B0STUDYBOT").put("is_enterprise_install", false);
        return out;
    }

    private ObjectNode connectionsOpen(String token) {
        if (!APP_TOKEN.equals(token)) {
            return error(token != null && token.startsWith("xoxb-") ? "not_allowed_token_type" : "invalid_auth");
        }
        return ok().put("url", socket.newUrl());
    }

    private ObjectNode postMessage(Map<String, String> p) throws IOException {
        String channel = p.get("channel");
        if (channel == null || channel.isBlank()) {
            return error("channel_not_found");
        }
        String failure = channelErrors.get(channel);
        if (failure != null) {
            return error(failure);
        }
        String ts = ts();
        JsonNode blocks = p.containsKey("blocks") ? json.readTree(p.get("blocks")) : json.createArrayNode();
        posts.add(new Posted(channel, ts, p.get("thread_ts"), p.getOrDefault("text", ""), blocks));
        postNanos.add(System.nanoTime());
        // a message to a member's id goes to the app's direct messages with them, which Slack names by their conversation id
        ObjectNode out = ok().put("channel", members.containsKey(channel) ? "D" + channel : channel).put("ts", ts);
        out.putObject("message").put("type", "message").put("ts", ts).put("text", p.getOrDefault("text", ""));
        return out;
    }

    private ObjectNode postEphemeral(Map<String, String> p) throws IOException {
        String failure = channelErrors.get(p.get("channel"));
        if (failure != null) {
            return error(failure);
        }
        JsonNode blocks = p.containsKey("blocks") ? json.readTree(p.get("blocks")) : json.createArrayNode();
        ephemerals.add(new Ephemeral(p.get("channel"), p.get("user"), p.getOrDefault("text", ""), blocks));
        return ok().put("message_ts", ts());
    }

    private ObjectNode viewsOpen(Map<String, String> p) throws IOException {
        String trigger = p.get("trigger_id");
        Long issued = trigger == null ? null : triggers.remove(trigger);
        if (issued == null) {
            return error("invalid_trigger_id");
        }
        if (System.currentTimeMillis() - issued > TRIGGER_MILLIS) {
            return error("expired_trigger_id");
        }
        JsonNode view = json.readTree(p.get("view"));
        views.add(new OpenedView(trigger, view));
        ObjectNode out = ok();
        ObjectNode v = out.putObject("view");
        v.setAll((ObjectNode) view);
        v.put("id", "V" + nextId()).put("team_id", TEAM);
        return out;
    }

    private ObjectNode usersInfo(String token, Map<String, String> p) {
        // with a workspace's own token, that workspace's members; the first workspace's otherwise
        Member m = installs.grant(token).map(g -> installs.teamMembers.getOrDefault(g.team().id(), Map.of()).get(p.get("user")))
                .orElseGet(() -> installs.grant(token).isPresent() ? null : members.get(p.get("user")));
        if (m == null) {
            return error("user_not_found");
        }
        ObjectNode out = ok();
        ObjectNode u = out.putObject("user");
        u.put("id", m.id()).put("team_id", TEAM).put("name", m.name()).put("real_name", m.name())
                .put("is_admin", m.admin()).put("is_owner", m.owner()).put("is_primary_owner", false).put("is_bot", false);
        u.putObject("profile").put("display_name", m.displayName()).put("real_name", m.name());
        return out;
    }

    private ObjectNode usergroupsList() {
        ObjectNode out = ok();
        ArrayNode list = out.putArray("usergroups");
        userGroups.forEach((handle, users) -> {
            ObjectNode g = list.addObject();
            g.put("id", "S" + Math.abs(handle.hashCode())).put("team_id", TEAM).put("handle", handle).put("name", handle)
                    .put("date_delete", 0);
            ArrayNode ids = g.putArray("users");
            users.forEach(ids::add);
        });
        return out;
    }

    private ObjectNode getUploadUrl(Map<String, String> p) {
        if (!filesWrite) {
            return error("missing_scope").put("needed", "files:write").put("provided", "commands,chat:write");
        }
        String filename = p.get("filename");
        int length = Integer.parseInt(p.getOrDefault("length", "-1"));
        if (filename == null || filename.isBlank() || length <= 0) {
            return error("invalid_arguments");
        }
        String id = "F" + nextId();
        uploads.put(id, new Upload(id, filename, length, p.get("alt_txt"), null));
        return ok().put("upload_url", "http://127.0.0.1:" + web.getAddress().getPort() + "/upload/" + id).put("file_id", id);
    }

    /** The bytes of a file, posted to the URL files.getUploadURLExternal gave. */
    private void upload(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring("/upload/".length());
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Upload pending = uploads.get(id);
            if (pending == null || !exchange.getRequestMethod().equals("POST")) {
                send(exchange, 404, "text/plain", "not found");
                return;
            }
            uploads.put(id, new Upload(id, pending.filename(), pending.length(), pending.altTxt(), bytes));
            send(exchange, 200, "text/plain", "OK - " + bytes.length);
        }
    }

    private ObjectNode completeUpload(Map<String, String> p) throws IOException {
        JsonNode list = json.readTree(p.getOrDefault("files", "[]"));
        String channel = p.get("channel_id");
        if (channel != null && channelErrors.containsKey(channel)) {
            return error(channelErrors.get(channel));
        }
        ObjectNode out = ok();
        ArrayNode done = out.putArray("files");
        for (JsonNode f : list) {
            Upload u = uploads.get(f.path("id").asText());
            if (u == null || u.bytes() == null || u.bytes().length != u.length()) {
                return error("file_upload_size_mismatch");
            }
            files.add(new Shared(u.id(), channel, p.get("thread_ts"), f.path("title").asText(u.filename()), u.altTxt(), u.filename(), u.bytes()));
            done.addObject().put("id", u.id()).put("name", u.filename()).put("title", f.path("title").asText(u.filename()))
                    .put("mimetype", "image/png").put("filetype", "png").put("size", u.length());
        }
        return out;
    }

    private String ts() {
        long n = tsCounter.incrementAndGet();
        return (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
    }

    private ObjectNode ok() {
        return json.createObjectNode().put("ok", true);
    }

    private ObjectNode error(String code) {
        return json.createObjectNode().put("ok", false).put("error", code);
    }

    private static String token(HttpExchange exchange, Map<String, String> params) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return auth.substring("Bearer ".length()).strip();
        }
        return params.get("token");
    }

    private Map<String, String> params(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> out = new LinkedHashMap<>();
        if (type != null && type.startsWith("application/json")) {
            json.readTree(body).properties().iterator().forEachRemaining(e -> out.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            return out;
        }
        String query = exchange.getRequestURI().getRawQuery();
        for (String source : new String[] {query, body}) {
            if (source == null || source.isEmpty()) {
                continue;
            }
            for (String pair : source.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- response_url

    private void respond(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (outage || apiOutage) {
                send(exchange, 503, "text/plain", "service unavailable");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String url = "http://127.0.0.1:" + web.getAddress().getPort() + exchange.getRequestURI().getPath();
            JsonNode message = json.readTree(body);
            if (!imagesKnown(message.path("blocks"))) {
                // Slack refuses an image block whose file it cannot show (unknown, or refused while still processing)
                send(exchange, 400, "text/plain", "invalid_blocks");
                return;
            }
            responses.add(new Responded(url, message));
            send(exchange, 200, "text/plain", "ok");
        }
    }

    /** While on, Slack shows no uploaded file in an image block yet (as while it still processes one): such a message is refused. */
    volatile boolean filesStillProcessing;

    private boolean imagesKnown(JsonNode blocks) {
        for (JsonNode b : blocks) {
            if (b.path("type").asText().equals("image") && b.has("slack_file")) {
                String id = b.path("slack_file").path("id").asText();
                if (filesStillProcessing || files.stream().noneMatch(f -> f.id().equals(id))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Every text field inside blocks (section text, context elements, button labels). */
    static String texts(JsonNode node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            JsonNode text = node.get("text");
            if (text != null && text.isTextual()) {
                out.append(text.asText()).append('\n');
            }
            node.properties().iterator().forEachRemaining(e -> {
                if (!e.getKey().equals("text") || !e.getValue().isTextual()) {
                    collect(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }

    @Override
    public void close() {
        try {
            socket.stop(500);
            web.stop(0);
            webThreads.shutdownNow();
            webThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
