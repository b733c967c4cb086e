package dev.studybot.platform.discord.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Discord's REST API as far as studybot uses it, on the JDK's HTTP server. */
final class EmulatorRest {
    private static final Pattern MASS = Pattern.compile("@(everyone|here)");
    private static final Pattern ROLE = Pattern.compile("<@&(\\d+)>");

    private final DiscordEmulator emu;
    private final HttpServer server;
    // a virtual thread per request: a configured latency holds a request, never the other requests
    private final java.util.concurrent.ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "emulator-latency");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("emulator-rest-", 0).factory());

    EmulatorRest(DiscordEmulator emu) throws IOException {
        this.emu = emu;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        delays.shutdownNow();
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        long received = System.nanoTime();
        boolean later = false;
        try {
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            if (ex.getRequestURI().getPath().startsWith("/cdn/attachments/")) {
                cdn(ex);
                return;
            }
            String path = ex.getRequestURI().getPath().replaceFirst("^/api/v\\d+/", "");
            byte[] raw = ex.getRequestBody().readAllBytes();
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            // Discord takes files as multipart/form-data: the JSON in payload_json, each file as files[n]
            List<Multipart.Part> files = List.of();
            JsonNode body;
            if (Multipart.is(contentType)) {
                Multipart form = Multipart.parse(contentType, raw);
                body = form.part("payload_json").map(p -> Json.parse(p.bytes())).orElseGet(Json::object);
                files = form.files();
            } else {
                body = raw.length > 0 && isJson(ex) ? Json.parse(raw) : Json.object();
            }
            emu.requests.add(new DiscordEmulator.RecordedRequest(method, path, body, received));
            if (emu.restOutage) {
                respond(ex, 503, error(0, "503: Service Unavailable"));
                return;
            }
            Optional<DiscordEmulator.Fault> fault = emu.takeFault(method, path);
            if (fault.isPresent()) {
                fault(ex, fault.get());
                return;
            }
            Duration latency = emu.limits.latency;
            if (latency.isZero()) {
                answer(ex, method, path, body, files, received);
                return;
            }
            // the answer leaves after the configured latency, as across the internet; no thread waits for it
            later = true;
            List<Multipart.Part> parts = files;
            delays.schedule(() -> pool.execute(() -> {
                try (ex) {
                    answer(ex, method, path, body, parts, received);
                } catch (IOException | RuntimeException e) {
                    e.printStackTrace();
                }
            }), latency.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            e.printStackTrace();
            respond(ex, 500, error(0, "emulator failure: " + e));
        } finally {
            if (!later) {
                ex.close();
            }
        }
    }

    /** The limits, then the route's answer. */
    private void answer(HttpExchange ex, String method, String path, JsonNode body, List<Multipart.Part> files, long received)
            throws IOException {
        if (!limited(ex, method, path)) {
            return;
        }
        uploads.set(files);
        try {
            Reply reply = route(method, path, body, received);
            respond(ex, reply.status, reply.body);
        } catch (RuntimeException e) {
            e.printStackTrace();
            respond(ex, 500, error(0, "emulator failure: " + e));
        }
    }

    /** Applies the configured limits: false when the request got a 429 instead. */
    private boolean limited(HttpExchange ex, String method, String path) throws IOException {
        boolean exempt = path.startsWith("interactions/") || path.startsWith("webhooks/");
        if (!exempt) {
            double wait = emu.limits.global(System.currentTimeMillis());
            if (wait > 0) {
                ex.getResponseHeaders().add("Retry-After", Long.toString((long) Math.ceil(wait)));
                ex.getResponseHeaders().add("X-RateLimit-Global", "true");
                ex.getResponseHeaders().add("X-RateLimit-Scope", "global");
                respond(ex, 429, Json.object().put("message", "You are being rate limited.").put("retry_after", wait).put("global", true));
                return false;
            }
        }
        String[] p = path.split("/");
        if (method.equals("POST") && p.length == 3 && p[0].equals("channels") && p[2].equals("messages")) {
            long[] state = emu.limits.route(p[1], System.nanoTime());
            if (state != null) {
                double resetAfter = state[1] / 1e9;
                ex.getResponseHeaders().add("X-RateLimit-Limit", Integer.toString(emu.limits.perRoute()));
                ex.getResponseHeaders().add("X-RateLimit-Remaining", Long.toString(Math.max(0, state[0])));
                ex.getResponseHeaders().add("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfter));
                ex.getResponseHeaders().add("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + resetAfter));
                ex.getResponseHeaders().add("X-RateLimit-Bucket", "messages-" + p[1]);
                if (state[0] < 0) {
                    ex.getResponseHeaders().add("Retry-After", Long.toString((long) Math.ceil(resetAfter)));
                    ex.getResponseHeaders().add("X-RateLimit-Scope", "user");
                    respond(ex, 429, Json.object().put("message", "You are being rate limited.").put("retry_after", resetAfter).put("global", false));
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isJson(HttpExchange ex) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        return type == null || type.contains("json");
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply route(String method, String path, JsonNode body, long received) {
        String[] p = path.split("/");
        if (method.equals("GET") && path.equals("users/@me")) {
            return ok(emu.botUser);
        }
        if (method.equals("GET") && (path.equals("gateway/bot") || path.equals("gateway"))) {
            ObjectNode g = Json.object().put("url", emu.gatewayUrl()).put("shards", emu.recommendedShards());
            g.putObject("session_start_limit").put("total", 1000).put("remaining", 1000).put("reset_after", 0)
                    .put("max_concurrency", emu.maxConcurrency());
            return ok(g);
        }
        if (method.equals("GET") && (path.equals("oauth2/applications/@me") || path.equals("applications/@me"))) {
            ObjectNode app = Json.object().put("id", emu.botId).put("name", "studybot").put("description", "").put("bot_public", true)
                    .put("bot_require_code_grant", false).put("flags", 0).putNull("icon").put("verify_key", "0");
            app.set("owner", DiscordEmulator.user(emu.ids.next(), "owner", false));
            return ok(app);
        }
        if (method.equals("PUT") && p.length == 3 && p[0].equals("applications") && p[2].equals("commands")) {
            return ok(registerCommands("global", body));
        }
        if (method.equals("PUT") && p.length == 5 && p[0].equals("applications") && p[2].equals("guilds") && p[4].equals("commands")) {
            return ok(registerCommands(p[3], body));
        }
        if (method.equals("POST") && path.equals("users/@me/channels")) {
            return openDirectMessage(body.path("recipient_id").asText());
        }
        if (method.equals("POST") && p.length == 3 && p[0].equals("channels") && p[2].equals("messages") && emu.dmChannels.containsKey(p[1])) {
            ObjectNode message = message(p[1], null, body, 0, 0, null);
            message.remove("guild_id");
            checkPings(message, body);
            publish(p[1], message);
            return ok(message);
        }
        if (method.equals("POST") && p.length == 3 && p[0].equals("channels") && p[2].equals("messages")) {
            return createMessage(p[1], body);
        }
        if (method.equals("POST") && p.length == 5 && p[0].equals("channels") && p[2].equals("messages") && p[4].equals("threads")) {
            return createThread(p[1], p[3], body);
        }
        if (method.equals("POST") && p.length == 4 && p[0].equals("interactions") && p[3].equals("callback")) {
            return callback(p[1], p[2], body, received);
        }
        if (p.length >= 3 && p[0].equals("webhooks")) {
            return webhook(method, p, body);
        }
        return new Reply(404, error(0, "404: Not Found"));
    }

    private JsonNode registerCommands(String scope, JsonNode body) {
        ArrayNode out = Json.array();
        for (JsonNode c : body) {
            ObjectNode copy = ((ObjectNode) c).deepCopy();
            copy.put("id", emu.ids.next()).put("application_id", emu.botId).put("version", emu.ids.next());
            if (!scope.equals("global")) {
                copy.put("guild_id", scope);
            }
            copy.putIfAbsent("type", Json.MAPPER.getNodeFactory().numberNode(1));
            copy.putIfAbsent("default_member_permissions", Json.MAPPER.getNodeFactory().nullNode());
            copy.putIfAbsent("nsfw", Json.MAPPER.getNodeFactory().booleanNode(false));
            out.add(copy);
        }
        emu.commands.put(scope, out);
        emu.commandsRegisteredNanos = System.nanoTime();
        return out;
    }

    private Reply openDirectMessage(String userId) {
        String channelId = emu.dmChannels.entrySet().stream().filter(e -> e.getValue().equals(userId)).map(Map.Entry::getKey)
                .findFirst().orElseGet(() -> {
                    String id = emu.ids.next();
                    emu.dmChannels.put(id, userId);
                    return id;
                });
        ObjectNode channel = Json.object().put("id", channelId).put("type", 1).putNull("last_message_id");
        channel.putArray("recipients").add(DiscordEmulator.user(userId, "member", false));
        return ok(channel);
    }

    // ---- channel messages and threads ----

    /** The files of the request being handled, as parsed from its multipart body. */
    private final ThreadLocal<List<Multipart.Part>> uploads = ThreadLocal.withInitial(List::of);

    private Reply createMessage(String channelId, JsonNode body) {
        Optional<EmuGuild> guild = emu.guildOfChannel(channelId);
        ObjectNode thread = emu.threads.get(channelId);
        if (guild.isEmpty() && thread == null) {
            return new Reply(404, error(10003, "Unknown Channel"));
        }
        if (guild.isPresent()) {
            EmuGuild.EmuChannel c = guild.get().channels.get(channelId);
            long perms = emu.botPermissions(guild.get(), c);
            if ((perms & DiscordEmulator.VIEW_CHANNEL) == 0) {
                return new Reply(403, error(50001, "Missing Access"));
            }
            if ((perms & DiscordEmulator.SEND_MESSAGES) == 0) {
                return new Reply(403, error(50013, "Missing Permissions"));
            }
            if (!uploads.get().isEmpty() && (perms & DiscordEmulator.ATTACH_FILES) == 0) {
                return new Reply(403, error(50013, "Missing Permissions"));
            }
        }
        String guildId = guild.map(EmuGuild::id).orElseGet(() -> thread.get("guild_id").asText());
        String nonce = body.path("nonce").asText(null);
        if (nonce != null && body.path("enforce_nonce").asBoolean(false)) {
            synchronized (emu.nonces) {
                for (String id : emu.nonces.getOrDefault(channelId, java.util.List.of())) {
                    ObjectNode earlier = emu.messagesById.get(id);
                    if (earlier != null && nonce.equals(earlier.path("nonce").asText(null))) {
                        return ok(earlier);
                    }
                }
            }
        }
        ObjectNode message = message(channelId, guildId, body, body.has("message_reference") ? 19 : 0, 0, null);
        if (body.has("message_reference")) {
            message.set("message_reference", body.get("message_reference"));
        }
        checkPings(message, body);
        publish(channelId, message);
        if (nonce != null) {
            emu.nonces.computeIfAbsent(channelId, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(message.get("id").asText());
        }
        if (thread != null) {
            thread.put("message_count", thread.path("message_count").asInt() + 1).put("total_message_sent", thread.path("total_message_sent").asInt() + 1);
        }
        return ok(message);
    }

    private Reply createThread(String channelId, String messageId, JsonNode body) {
        Optional<EmuGuild> guild = emu.guildOfChannel(channelId);
        if (guild.isEmpty()) {
            return new Reply(404, error(10003, "Unknown Channel"));
        }
        if (!emu.messagesById.containsKey(messageId)) {
            return new Reply(404, error(10008, "Unknown Message"));
        }
        EmuGuild.EmuChannel c = guild.get().channels.get(channelId);
        if ((emu.botPermissions(guild.get(), c) & DiscordEmulator.CREATE_PUBLIC_THREADS) == 0) {
            return new Reply(403, error(50013, "Missing Permissions"));
        }
        ObjectNode thread = Json.object().put("id", messageId).put("type", 11).put("guild_id", guild.get().id).put("parent_id", channelId)
                .put("owner_id", emu.botId).put("name", body.path("name").asText()).putNull("last_message_id").put("message_count", 0)
                .put("member_count", 1).put("rate_limit_per_user", 0).put("flags", 0).put("total_message_sent", 0);
        thread.set("applied_tags", Json.array());
        thread.putObject("thread_metadata").put("archived", false).put("auto_archive_duration", body.path("auto_archive_duration").asInt(1440))
                .put("archive_timestamp", emu.now()).put("locked", false).put("create_timestamp", emu.now());
        emu.threads.put(messageId, thread);
        emu.gatewayDispatch("THREAD_CREATE", thread.deepCopy().put("newly_created", true));
        return new Reply(201, thread);
    }

    // ---- interactions ----

    private Reply callback(String interactionId, String token, JsonNode body, long received) {
        DiscordEmulator.Interaction i = emu.interactionsById.get(interactionId);
        if (i == null || !i.token.equals(token)) {
            return new Reply(404, error(10062, "Unknown interaction"));
        }
        int type = body.path("type").asInt();
        JsonNode data = body.path("data");
        i.callbacks.add(new DiscordEmulator.Callback(type, data, received, received - i.sentNanos));
        if (received - i.sentNanos > DiscordEmulator.ACK_WINDOW_NANOS) {
            return new Reply(404, error(10062, "Unknown interaction"));
        }
        if (i.callbacks.size() > 1) {
            return new Reply(400, error(40060, "Interaction has already been acknowledged."));
        }
        ObjectNode response = Json.object();
        ObjectNode interaction = response.putObject("interaction").put("id", i.id).put("type", i.type);
        ObjectNode resource = response.putObject("resource").put("type", type);
        int flags = data.path("flags").asInt();
        if (type == 8 || type == 9) {
            i.completedNanos = received;
        }
        if (type == 4 || type == 5) {
            ObjectNode original = message(i.channelId, i.guildId, type == 4 ? data : Json.object(), 20,
                    flags | (type == 5 ? DiscordEmulator.LOADING : 0), i);
            i.original = original;
            if (type == 4) {
                checkPings(original, data);
                i.completedNanos = received;
            }
            if ((flags & DiscordEmulator.EPHEMERAL) == 0 && type == 4) {
                publish(i.channelId, original);
            }
            interaction.put("response_message_id", original.get("id").asText()).put("response_message_loading", type == 5)
                    .put("response_message_ephemeral", (flags & DiscordEmulator.EPHEMERAL) != 0);
            resource.set("message", original);
        }
        return ok(response);
    }

    private Reply webhook(String method, String[] p, JsonNode body) {
        DiscordEmulator.Interaction i = emu.interactionsByToken.get(p[2]);
        if (i == null || i.callbacks.isEmpty()) {
            return new Reply(404, error(10015, "Unknown Webhook"));
        }
        boolean original = p.length == 5 && p[3].equals("messages") && p[4].equals("@original");
        if (original && method.equals("PATCH")) {
            if (i.original == null || i.originalDeleted) {
                return new Reply(404, error(10008, "Unknown Message"));
            }
            ObjectNode m = i.original;
            synchronized (m) {
                for (String field : new String[]{"content", "components"}) {
                    if (body.has(field)) {
                        m.set(field, body.get(field));
                    }
                }
                if (body.has("embeds")) {
                    m.set("embeds", embeds(body));
                }
                if (body.has("attachments") || !uploads.get().isEmpty()) {
                    m.set("attachments", attachments(body));
                }
                m.put("flags", m.path("flags").asInt() & ~DiscordEmulator.LOADING).put("edited_timestamp", emu.now());
                m.set("allowed_mentions_seen", body.path("allowed_mentions"));
            }
            checkPings(m, body);
            if ((m.path("flags").asInt() & DiscordEmulator.EPHEMERAL) == 0) {
                publish(i.channelId, m);
            }
            if (i.completedNanos == 0) {
                i.completedNanos = System.nanoTime();
            }
            return ok(m);
        }
        if (original && method.equals("DELETE")) {
            i.originalDeleted = true;
            emu.channelMessages.getOrDefault(i.channelId, new ArrayList<>()).remove(i.original);
            return new Reply(204, null);
        }
        if (p.length == 3 && method.equals("POST")) {
            int flags = body.path("flags").asInt();
            if (i.original != null && !i.originalDeleted && (i.original.path("flags").asInt() & DiscordEmulator.LOADING) != 0) {
                // Discord: the first follow-up after a deferral replaces the "thinking" message
                return webhook("PATCH", new String[]{"webhooks", p[1], p[2], "messages", "@original"}, body);
            }
            ObjectNode m = message(i.channelId, i.guildId, body, 0, flags, i);
            i.followups.add(m);
            if (i.completedNanos == 0) {
                i.completedNanos = System.nanoTime();
            }
            checkPings(m, body);
            if ((flags & DiscordEmulator.EPHEMERAL) == 0) {
                publish(i.channelId, m);
            }
            return ok(m);
        }
        return new Reply(404, error(0, "404: Not Found"));
    }

    // ---- helpers ----

    private ObjectNode message(String channelId, String guildId, JsonNode body, int type, int flags, DiscordEmulator.Interaction from) {
        ObjectNode m = Json.object().put("id", emu.ids.next()).put("type", type).put("channel_id", channelId).put("guild_id", guildId)
                .put("content", body.path("content").asText("")).put("timestamp", emu.now()).putNull("edited_timestamp")
                .put("tts", false).put("mention_everyone", false).put("pinned", false).put("flags", flags);
        m.set("author", emu.botUser);
        m.set("mentions", Json.array());
        m.set("mention_roles", Json.array());
        m.set("attachments", attachments(body));
        m.set("embeds", embeds(body));
        m.set("components", body.has("components") ? body.get("components") : Json.array());
        if (body.has("nonce")) {
            m.set("nonce", body.get("nonce"));
        }
        if (from != null) {
            m.put("webhook_id", emu.botId).put("application_id", emu.botId);
        }
        m.set("allowed_mentions_seen", body.path("allowed_mentions"));
        return m;
    }

    /**
     * The message's attachments: each {@code files[n]} part described by the payload's
     * {@code attachments} entry with {@code id} n (its description is the alt text), kept by the
     * emulator with its bytes.
     */
    private ArrayNode attachments(JsonNode body) {
        ArrayNode out = Json.array();
        List<Multipart.Part> files = uploads.get();
        for (int n = 0; n < files.size(); n++) {
            Multipart.Part file = files.get(n);
            JsonNode described = Json.object();
            for (JsonNode a : body.path("attachments")) {
                if (a.path("id").asText().equals(Integer.toString(n))) {
                    described = a;
                }
            }
            String id = emu.ids.next();
            String name = described.path("filename").asText(file.fileName().orElse("file"));
            ObjectNode a = Json.object().put("id", id).put("filename", name).put("size", file.bytes().length)
                    .put("content_type", file.contentType()).put("url", emu.restUrl() + "attachments/" + id + "/" + name)
                    .put("proxy_url", emu.restUrl() + "attachments/" + id + "/" + name).put("ephemeral", false);
            if (described.has("description")) {
                a.put("description", described.path("description").asText());
            }
            emu.attachments.put(id, file.bytes());
            out.add(a);
        }
        return out;
    }

    /** Discord echoes embeds with their type. */
    private static ArrayNode embeds(JsonNode body) {
        ArrayNode out = Json.array();
        for (JsonNode e : body.path("embeds")) {
            ObjectNode copy = ((ObjectNode) e).deepCopy();
            copy.putIfAbsent("type", Json.MAPPER.getNodeFactory().textNode("rich"));
            out.add(copy);
        }
        return out;
    }

    private void publish(String channelId, ObjectNode message) {
        emu.messagesById.put(message.get("id").asText(), message);
        java.util.List<ObjectNode> list = emu.channelMessages.computeIfAbsent(channelId, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
        if (!list.contains(message)) {
            list.add(message);
        }
    }

    /**
     * Discord's rule: text content pings @everyone/@here or a role when the allowed mentions
     * permit it (when absent, everything is permitted). Embeds never ping.
     */
    private void checkPings(ObjectNode message, JsonNode body) {
        String content = body.path("content").asText("");
        JsonNode allowed = body.path("allowed_mentions");
        boolean everyoneAllowed = allowed.isMissingNode() || allowed.isNull() || contains(allowed.path("parse"), "everyone");
        boolean rolesAllowed = allowed.isMissingNode() || allowed.isNull() || contains(allowed.path("parse"), "roles");
        boolean ping = everyoneAllowed && MASS.matcher(content).find();
        Matcher roles = ROLE.matcher(content);
        while (rolesAllowed && roles.find()) {
            ping = true;
            message.withArray("mention_roles").add(roles.group(1));
        }
        if (ping) {
            message.put("mention_everyone", true);
            emu.pings.add(message);
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    private static ObjectNode error(int code, String message) {
        return Json.object().put("message", message).put("code", code);
    }

    private void fault(HttpExchange ex, DiscordEmulator.Fault f) throws IOException {
        if (f.status == 429) {
            ex.getResponseHeaders().add("Retry-After", Long.toString((long) Math.ceil(f.retryAfter)));
            ex.getResponseHeaders().add("X-RateLimit-Scope", "user");
            ex.getResponseHeaders().add("Via", "1.1 google");
            respond(ex, 429, Json.object().put("message", f.message).put("retry_after", f.retryAfter).put("global", false).put("code", 0));
        } else {
            respond(ex, f.status, error(f.code, f.message));
        }
    }

    /** The CDN: a file a member attached, by its id; no token needed, as on Discord's. */
    private void cdn(HttpExchange ex) throws IOException {
        String[] p = ex.getRequestURI().getPath().split("/");
        EmuFile file = p.length > 3 ? emu.cdnFiles.get(p[3]) : null;
        if (file == null) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        emu.cdnDownloads.incrementAndGet();
        ex.getResponseHeaders().add("Content-Type", file.contentType());
        ex.sendResponseHeaders(200, file.bytes().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(file.bytes());
        }
    }

    private static void respond(HttpExchange ex, int status, JsonNode body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
