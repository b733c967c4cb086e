package dev.studybot.platform.discord.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A local stand-in for Discord: the REST API ({@link EmulatorRest}) and the gateway
 * ({@link EmulatorGateway}) on 127.0.0.1, sharing one model of servers, channels, threads,
 * messages and interactions. It answers the real JDA client the way Discord does as far as
 * studybot goes (including the 3-second acknowledgement window, 429s with retry_after, missing
 * permissions, resumable sessions), and records everything for tests to check.
 */
public final class DiscordEmulator implements AutoCloseable {
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long SEND_MESSAGES = 1L << 11;
    public static final long EMBED_LINKS = 1L << 14;
    public static final long ATTACH_FILES = 1L << 15;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long MENTION_EVERYONE = 1L << 17;
    public static final long USE_APPLICATION_COMMANDS = 1L << 31;
    public static final long CREATE_PUBLIC_THREADS = 1L << 35;
    public static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
    public static final long MANAGE_GUILD = 1L << 5;
    /** What a fresh server's @everyone may do (Discord's defaults, trimmed to what matters here). */
    public static final long EVERYONE = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY | MENTION_EVERYONE
            | USE_APPLICATION_COMMANDS | CREATE_PUBLIC_THREADS | SEND_MESSAGES_IN_THREADS;
    static final int EPHEMERAL = 64;
    static final int LOADING = 128;
    static final long ACK_WINDOW_NANOS = 3_000_000_000L;

    final Snowflakes ids = new Snowflakes();
    final String botId;
    final ObjectNode botUser;
    final Map<String, EmuGuild> guilds = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> channelMessages = new ConcurrentHashMap<>();
    /** Direct-message channels the bot opened: channel id to the member's user id. */
    final Map<String, String> dmChannels = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> messagesById = new ConcurrentHashMap<>();
    final Map<String, byte[]> attachments = new ConcurrentHashMap<>();
    /** Files members attached to commands, by attachment id, as the CDN serves them. */
    final Map<String, EmuFile> cdnFiles = new ConcurrentHashMap<>();
    final java.util.concurrent.atomic.AtomicInteger cdnDownloads = new java.util.concurrent.atomic.AtomicInteger();
    final Map<String, ObjectNode> threads = new ConcurrentHashMap<>();
    final Map<String, Interaction> interactionsById = new ConcurrentHashMap<>();
    final Map<String, Interaction> interactionsByToken = new ConcurrentHashMap<>();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    final Map<String, JsonNode> commands = new ConcurrentHashMap<>();
    final List<Fault> faults = new CopyOnWriteArrayList<>();
    final List<ObjectNode> pings = new CopyOnWriteArrayList<>();
    final Map<String, List<String>> nonces = new ConcurrentHashMap<>();
    volatile long commandsRegisteredNanos;
    volatile boolean restOutage;
    final Limits limits = new Limits();
    private final EmulatorRest rest;
    private final EmulatorGateway gateway;

    private DiscordEmulator() throws IOException {
        botId = ids.next();
        botUser = user(botId, "studybot", true);
        rest = new EmulatorRest(this);
        gateway = new EmulatorGateway(this);
    }

    public static DiscordEmulator start() throws IOException {
        DiscordEmulator emulator = new DiscordEmulator();
        emulator.rest.start();
        emulator.gateway.startAndWait();
        return emulator;
    }

    /** The REST base for {@code discord.api-base-url}. */
    public String restUrl() {
        return "http://127.0.0.1:" + rest.port() + "/api/v10/";
    }

    /** The gateway for {@code discord.gateway-url}. */
    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.port() + "/";
    }

    public String botId() {
        return botId;
    }

    // ---- the model ----

    /** A server with roles @everyone, Moderators (Manage Server), studybot-admin, the bot's own, and a #general channel. */
    public synchronized EmuGuild addGuild(String name) {
        EmuGuild g = new EmuGuild(ids.nextServer(), name, ids.next());
        g.roles.put(g.id, new EmuGuild.EmuRole(g.id, "@everyone", EVERYONE, 0));
        addRole(g, "Moderators", MANAGE_GUILD, 3);
        addRole(g, "studybot-admin", 0, 2);
        g.botRoleId = addRole(g, "studybot", 0, 1);
        addChannel(g, "general", 0);
        guilds.put(g.id, g);
        return g;
    }

    private String addRole(EmuGuild g, String name, long permissions, int position) {
        String id = ids.next();
        g.roles.put(id, new EmuGuild.EmuRole(id, name, permissions, position));
        return id;
    }

    /** A text channel in which an overwrite denies the bot {@code botDeny}. */
    public String addChannel(EmuGuild g, String name, long botDeny) {
        synchronized (g) {
            String id = ids.next();
            g.channels.put(id, new EmuGuild.EmuChannel(id, name, 0, null, botDeny));
            return id;
        }
    }

    /** Deletes a channel behind the bot's back: its cache still has it, REST answers Unknown Channel. */
    public void deleteChannelSilently(EmuGuild g, String channelId) {
        synchronized (g) {
            g.channels.remove(channelId);
        }
    }

    public EmuUser member(EmuGuild g, String name) {
        return new EmuUser(ids.next(), name, List.of());
    }

    /** A member whose role has Manage Server. */
    public EmuUser moderator(EmuGuild g, String name) {
        return new EmuUser(ids.next(), name, List.of(g.role("Moderators")));
    }

    /** A member with a role that config names as admin. */
    public EmuUser withRole(EmuGuild g, String name, String roleName) {
        return new EmuUser(ids.next(), name, List.of(g.role(roleName)));
    }

    // ---- interactions a test sends ----

    /** A slash command: {@code path} is "search" or "team create"; options are String, Boolean or {@link EmuUser}. */
    public Sent slash(EmuUser user, EmuGuild g, String channelId, String path, Map<String, ?> options) {
        ObjectNode data = Json.object().put("id", commandId()).put("name", "study").put("type", 1).put("guild_id", g.id);
        data.set("options", commandOptions(path, options, null, data));
        return send(interaction(2, user, g, channelId, data, null));
    }

    /** An autocomplete request while {@code focused} is being typed. */
    public Sent autocomplete(EmuUser user, EmuGuild g, String channelId, String path, Map<String, ?> options, String focused) {
        ObjectNode data = Json.object().put("id", commandId()).put("name", "study").put("type", 1).put("guild_id", g.id);
        data.set("options", commandOptions(path, options, focused, data));
        return send(interaction(4, user, g, channelId, data, null));
    }

    /** A click on a button of a message the bot sent. */
    public Sent button(EmuUser user, EmuGuild g, String messageId, String customId) {
        ObjectNode message = messagesById.get(messageId);
        if (message == null) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        ObjectNode data = Json.object().put("custom_id", customId).put("component_type", 2);
        return send(interaction(3, user, g, message.get("channel_id").asText(), data, message));
    }

    /** A click on a button of an ephemeral interaction reply (its edited original), which no channel keeps. */
    public Sent buttonOnReply(EmuUser user, EmuGuild g, String channelId, String token, String customId) {
        ObjectNode message = original(token).orElseThrow(() -> new IllegalArgumentException("no reply for " + token)).deepCopy();
        message.put("channel_id", channelId);
        ObjectNode data = Json.object().put("custom_id", customId).put("component_type", 2);
        return send(interaction(3, user, g, channelId, data, message));
    }

    /** A modal submitted with one text field. */
    public Sent modalSubmit(EmuUser user, EmuGuild g, String channelId, String modalId, String fieldId, String value) {
        ObjectNode input = Json.object().put("type", 4).put("id", 2).put("custom_id", fieldId).put("value", value);
        ObjectNode label = Json.object().put("type", 18).put("id", 1);
        label.set("component", input);
        ObjectNode data = Json.object().put("custom_id", modalId);
        data.set("components", Json.array().add(label));
        return send(interaction(5, user, g, channelId, data, null));
    }

    /** A click on a button of a reply only the asker sees (an ephemeral original, which no channel lists). */
    public Sent buttonOnReply(EmuUser user, EmuGuild g, Sent reply, String customId) {
        ObjectNode message = original(reply.token()).orElseThrow(() -> new IllegalArgumentException("no reply to " + reply.id()));
        ObjectNode data = Json.object().put("custom_id", customId).put("component_type", 2);
        return send(interaction(3, user, g, message.get("channel_id").asText(), data, message));
    }

    /** A modal submitted with several text fields, by their custom ids. */
    public Sent modalSubmit(EmuUser user, EmuGuild g, String channelId, String modalId, Map<String, String> fields) {
        ArrayNode components = Json.array();
        int n = 1;
        for (Map.Entry<String, String> f : fields.entrySet()) {
            ObjectNode label = Json.object().put("type", 18).put("id", n++);
            label.set("component", Json.object().put("type", 4).put("id", n++).put("custom_id", f.getKey()).put("value", f.getValue()));
            components.add(label);
        }
        ObjectNode data = Json.object().put("custom_id", modalId);
        data.set("components", components);
        return send(interaction(5, user, g, channelId, data, null));
    }

    /** A file a member will attach to a command, served by the CDN at {@link #cdnUrl}. */
    public EmuFile file(String filename, String contentType, byte[] bytes) {
        return file(filename, contentType, bytes, bytes.length);
    }

    /** The same, declaring another size than the bytes have (as a file over the limit would). */
    public EmuFile file(String filename, String contentType, byte[] bytes, long declaredSize) {
        EmuFile f = new EmuFile(ids.next(), filename, contentType, bytes.clone(), declaredSize);
        cdnFiles.put(f.id(), f);
        return f;
    }

    public String cdnUrl(EmuFile f) {
        return "http://127.0.0.1:" + rest.port() + "/cdn/attachments/" + f.id() + "/" + f.filename();
    }

    /** How many times the CDN served a file. */
    public int cdnDownloads() {
        return cdnDownloads.get();
    }

    private String commandId() {
        JsonNode registered = commands.values().stream().findFirst().orElse(null);
        if (registered != null && registered.isArray() && !registered.isEmpty()) {
            return registered.get(0).path("id").asText();
        }
        return ids.next();
    }

    private ArrayNode commandOptions(String path, Map<String, ?> options, String focused, ObjectNode data) {
        String[] parts = path.split(" ");
        ArrayNode leaf = Json.array();
        for (Map.Entry<String, ?> e : options.entrySet()) {
            ObjectNode o = Json.object().put("name", e.getKey());
            Object v = e.getValue();
            if (v instanceof Boolean b) {
                o.put("type", 5).put("value", b);
            } else if (v instanceof EmuUser u) {
                o.put("type", 6).put("value", u.id());
                ObjectNode resolved = data.has("resolved") ? (ObjectNode) data.get("resolved") : data.putObject("resolved");
                resolved.withObject("users").set(u.id(), user(u.id(), u.name(), false));
                resolved.withObject("members").set(u.id(), memberJson(u, null, false));
            } else if (v instanceof EmuFile f) {
                o.put("type", 11).put("value", f.id());
                ObjectNode resolved = data.has("resolved") ? (ObjectNode) data.get("resolved") : data.putObject("resolved");
                resolved.withObject("attachments").set(f.id(), Json.object().put("id", f.id()).put("filename", f.filename())
                        .put("size", f.declaredSize()).put("url", cdnUrl(f)).put("proxy_url", cdnUrl(f)).put("content_type", f.contentType())
                        .put("ephemeral", true));
            } else {
                o.put("type", 3).put("value", String.valueOf(v));
            }
            if (e.getKey().equals(focused)) {
                o.put("focused", true);
            }
            leaf.add(o);
        }
        ObjectNode sub = Json.object().put("name", parts[parts.length - 1]).put("type", 1);
        sub.set("options", leaf);
        if (parts.length == 1) {
            return Json.array().add(sub);
        }
        ObjectNode group = Json.object().put("name", parts[0]).put("type", 2);
        group.set("options", Json.array().add(sub));
        return Json.array().add(group);
    }

    private Interaction interaction(int type, EmuUser user, EmuGuild g, String channelId, ObjectNode data, ObjectNode message) {
        String id = ids.next();
        String token = "tok-" + UUID.randomUUID();
        ObjectNode i = Json.object().put("id", id).put("application_id", botId).put("type", type).put("token", token).put("version", 1)
                .put("guild_id", g.id).put("channel_id", channelId).put("locale", "en-US").put("guild_locale", "en-US")
                .put("app_permissions", Long.toString(EVERYONE)).put("context", 0).put("attachment_size_limit", 10485760);
        i.putObject("guild").put("id", g.id).put("locale", "en-US").set("features", Json.array());
        EmuGuild.EmuChannel channel = g.channels.get(channelId);
        ObjectNode channelJson = i.putObject("channel").put("id", channelId).put("type", channel == null ? 11 : channel.type)
                .put("guild_id", g.id).put("name", channel == null ? "thread" : channel.name).put("permissions", Long.toString(EVERYONE));
        if (channel == null && threads.containsKey(channelId)) {
            channelJson.setAll(threads.get(channelId));
        }
        i.set("member", memberJson(user, g, true));
        i.set("data", data);
        if (message != null) {
            i.set("message", message);
        }
        i.set("entitlements", Json.array());
        i.putObject("authorizing_integration_owners").put("0", g.id);
        return new Interaction(id, token, type, g.id, channelId, i);
    }

    private Sent send(Interaction interaction) {
        interactionsById.put(interaction.id, interaction);
        interactionsByToken.put(interaction.token, interaction);
        interaction.sentNanos = System.nanoTime();
        gateway.dispatch("INTERACTION_CREATE", interaction.payload);
        return new Sent(interaction.id, interaction.token, interaction.sentNanos);
    }

    /** An interaction the emulator sent: its id and token, and when it went out. */
    public record Sent(String id, String token, long sentNanos) {
    }

    // ---- what was recorded ----

    /** The callbacks the bot made for an interaction (normally exactly one). */
    public List<Callback> callbacks(String interactionId) {
        Interaction i = interactionsById.get(interactionId);
        return i == null ? List.of() : List.copyOf(i.callbacks);
    }

    /** The interaction's original response message as it stands (after edits), unless deleted. */
    public Optional<ObjectNode> original(String token) {
        Interaction i = interactionsByToken.get(token);
        return i == null || i.originalDeleted ? Optional.empty() : Optional.ofNullable(i.original);
    }

    public List<ObjectNode> followups(String token) {
        Interaction i = interactionsByToken.get(token);
        return i == null ? List.of() : List.copyOf(i.followups);
    }

    /** The direct messages the bot sent a member, oldest first. */
    public List<ObjectNode> directMessages(String userId) {
        return dmChannels.entrySet().stream().filter(e -> e.getValue().equals(userId))
                .flatMap(e -> messages(e.getKey()).stream()).toList();
    }

    /** The visible (not ephemeral) messages of every server channel and thread; direct messages aside. */
    public List<ObjectNode> guildMessages() {
        return channelMessages.entrySet().stream().filter(e -> !dmChannels.containsKey(e.getKey()))
                .flatMap(e -> List.copyOf(e.getValue()).stream()).toList();
    }

    /** The visible (not ephemeral) messages of a channel or thread, oldest first. */
    public List<ObjectNode> messages(String channelId) {
        return List.copyOf(channelMessages.getOrDefault(channelId, List.of()));
    }

    public Optional<ObjectNode> message(String id) {
        return Optional.ofNullable(messagesById.get(id));
    }

    public Optional<ObjectNode> thread(String id) {
        return Optional.ofNullable(threads.get(id));
    }

    /** Every REST request the bot made, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The registered commands: key "global" or a guild id. */
    public Optional<JsonNode> commands(String scope) {
        return Optional.ofNullable(commands.get(scope));
    }

    /** The subcommands of the first registered command, as paths ("today", "team join"). */
    public List<String> registeredSubcommands() {
        List<String> paths = new java.util.ArrayList<>();
        commands.values().stream().findFirst().filter(JsonNode::isArray).filter(a -> !a.isEmpty()).ifPresent(a -> {
            for (JsonNode option : a.get(0).path("options")) {
                if (option.path("type").asInt() == 2) {
                    option.path("options").forEach(sub -> paths.add(option.path("name").asText() + " " + sub.path("name").asText()));
                } else if (option.path("type").asInt() == 1) {
                    paths.add(option.path("name").asText());
                }
            }
        });
        return paths;
    }

    /** Messages that pinged @everyone, @here or a role. */
    public List<ObjectNode> pings() {
        return List.copyOf(pings);
    }

    // ---- faults ----

    /** The next {@code times} requests matching answer 429 with this retry_after (seconds). */
    public void rateLimit(String method, String pathRegex, double retryAfter, int times) {
        faults.add(new Fault(method, Pattern.compile(pathRegex), 429, 0, "You are being rate limited.", retryAfter, times));
    }

    /** The next {@code times} matching requests fail with this status and Discord error code. */
    public void fail(String method, String pathRegex, int status, int code, String message, int times) {
        faults.add(new Fault(method, Pattern.compile(pathRegex), status, code, message, 0, times));
    }

    synchronized Optional<Fault> takeFault(String method, String path) {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.method.equals(method) && f.path.matcher(path).find() && f.remaining > 0) {
                f.remaining--;
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Discord's REST limits, off until called: {@code globalPerSecond} requests per second for the
     * bot (interaction callbacks and webhooks exempt, as on Discord), and {@code perRoute} messages
     * per {@code window} in each channel, with the {@code X-RateLimit-*} headers JDA reads. A request
     * over a limit gets a 429 and is counted.
     */
    public void limits(int globalPerSecond, int perRoute, Duration window) {
        limits.configure(globalPerSecond, perRoute, window);
    }

    /** How long every REST request takes to answer, as Discord's does across the internet. */
    public void latency(Duration latency) {
        limits.latency = latency;
    }

    /** 429s answered for the global limit. */
    public int globalLimited() {
        return limits.globalLimited.get();
    }

    /** 429s answered for a channel's message bucket. */
    public int routeLimited() {
        return limits.routeLimited.get();
    }

    /** The most requests that counted against the global limit in any one second. */
    public int busiestSecond() {
        return limits.busiest.get();
    }

    /** While on, every REST request is answered 503, as in a Discord outage; requests are still recorded. */
    public void restOutage(boolean on) {
        restOutage = on;
    }

    // ---- the gateway, for tests ----

    /** Drops the bot's gateway connection without a close frame, as a network failure does. */
    public void dropGateway() {
        gateway.dropAll();
    }

    /** While on, new gateway connections are refused. */
    public void gatewayOutage(boolean on) {
        gateway.outage(on);
    }

    public int identifies() {
        return gateway.identifies();
    }

    /**
     * Discord's sharding rules: a session may hold at most {@code guildsPerShard} servers (more
     * closes it with 4011, sharding required), {@code /gateway/bot} recommends one shard per that
     * many, and each key {@code shard_id % maxConcurrency} may identify once per {@code window}
     * (more gets an invalid session, op 9). The defaults are Discord's: 2,500, 1 and 5 s.
     */
    public void sharding(int guildsPerShard, int maxConcurrency, Duration window) {
        gateway.sharding(guildsPerShard, maxConcurrency, window);
    }

    /** Every IDENTIFY that opened a session, in order: the shard it asked for and when. */
    public List<Identify> identifyLog() {
        return gateway.identifyLog();
    }

    /** IDENTIFYs refused for the identify rate limit. */
    public int identifyRefusals() {
        return gateway.identifyRefusals();
    }

    /** Sessions closed with 4011 (sharding required). */
    public int shardingRequired() {
        return gateway.shardingRequired();
    }

    /** The shards with an open session, by shard id. */
    public java.util.Set<Integer> connectedShards() {
        return gateway.connectedShards();
    }

    /** Makes {@code /gateway/bot} recommend {@code shards} whatever the servers (0: one per {@code guildsPerShard} again), as a stale answer would. */
    public void recommend(int shards) {
        gateway.recommend(shards);
    }

    /** The shards Discord would recommend now, as {@code /gateway/bot} says. */
    public int recommendedShards() {
        return gateway.recommendedShards();
    }

    int maxConcurrency() {
        return gateway.maxConcurrency();
    }

    /** An IDENTIFY: shard {@code [shard, total]}, received at {@code nanos} (System.nanoTime). */
    public record Identify(int shard, int total, long nanos) {
    }

    public int resumes() {
        return gateway.resumes();
    }

    public boolean gatewayConnected() {
        return gateway.connected();
    }

    /** When the bot last registered its commands (it does so once every server is loaded), in System.nanoTime; 0 before. */
    public long commandsRegisteredNanos() {
        return commandsRegisteredNanos;
    }

    /** When an interaction went out, when its callback arrived, and when its reply was finished (0 when not yet). */
    public Timing timing(String interactionId) {
        Interaction i = interactionsById.get(interactionId);
        if (i == null) {
            return new Timing(0, 0, 0);
        }
        long callback = i.callbacks.isEmpty() ? 0 : i.callbacks.get(0).receivedNanos();
        return new Timing(i.sentNanos, callback, i.completedNanos);
    }

    /** Nanosecond timestamps of one interaction (System.nanoTime). */
    public record Timing(long sent, long callback, long completed) {
    }

    /** When the last READY (all guilds sent) went out, in System.nanoTime. */
    public long lastReadyDoneNanos() {
        return gateway.readyDoneNanos();
    }

    // ---- JSON shapes ----

    static ObjectNode user(String id, String name, boolean bot) {
        ObjectNode u = Json.object().put("id", id).put("username", name).put("discriminator", "0").put("global_name", name)
                .putNull("avatar").put("bot", bot).put("public_flags", 0).put("flags", 0);
        return u;
    }

    ObjectNode memberJson(EmuUser u, EmuGuild g, boolean withUser) {
        ObjectNode m = Json.object();
        if (withUser) {
            m.set("user", user(u.id(), u.name(), false));
        }
        ArrayNode roles = m.putArray("roles");
        u.roleIds().forEach(roles::add);
        long perms = EVERYONE;
        if (g != null) {
            for (String r : u.roleIds()) {
                EmuGuild.EmuRole role = g.roles.get(r);
                perms |= role == null ? 0 : role.permissions();
            }
        }
        m.put("joined_at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(30).toString()).put("deaf", false).put("mute", false)
                .put("flags", 0).put("pending", false).putNull("nick").putNull("avatar").putNull("premium_since")
                .putNull("communication_disabled_until").put("permissions", Long.toString(perms));
        return m;
    }

    ObjectNode guildCreate(EmuGuild g) {
        synchronized (g) {
            ObjectNode d = Json.object().put("id", g.id).put("name", g.name).putNull("icon").put("owner_id", g.ownerId)
                    .put("afk_timeout", 300).put("member_count", 2).put("large", false).put("unavailable", false)
                    .put("joined_at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString()).put("preferred_locale", "en-US")
                    .put("verification_level", 0).put("default_message_notifications", 0).put("explicit_content_filter", 0)
                    .put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0).put("premium_progress_bar_enabled", false)
                    .putNull("system_channel_id").put("system_channel_flags", 0);
            d.set("features", Json.array());
            ArrayNode roles = d.putArray("roles");
            for (EmuGuild.EmuRole r : g.roles.values()) {
                ObjectNode role = roles.addObject().put("id", r.id()).put("name", r.name()).put("permissions", Long.toString(r.permissions()))
                        .put("position", r.position()).put("color", 0).put("hoist", false).put("managed", r.id().equals(g.botRoleId))
                        .put("mentionable", false).put("flags", 0).putNull("icon").putNull("unicode_emoji");
                role.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
                if (r.id().equals(g.botRoleId)) {
                    role.putObject("tags").put("bot_id", botId);
                }
            }
            ArrayNode channels = d.putArray("channels");
            int position = 0;
            for (EmuGuild.EmuChannel c : g.channels.values()) {
                ObjectNode ch = channels.addObject().put("id", c.id).put("type", c.type).put("name", c.name).put("position", position++)
                        .putNull("parent_id").putNull("topic").put("nsfw", false).putNull("last_message_id").put("rate_limit_per_user", 0)
                        .put("flags", 0).put("default_auto_archive_duration", 1440);
                ArrayNode overwrites = ch.putArray("permission_overwrites");
                if (c.botDeny != 0) {
                    overwrites.addObject().put("id", botId).put("type", 1).put("allow", "0").put("deny", Long.toString(c.botDeny));
                }
            }
            ArrayNode threadList = d.putArray("threads");
            threads.values().stream().filter(t -> t.get("guild_id").asText().equals(g.id)).forEach(threadList::add);
            for (String empty : List.of("emojis", "stickers", "voice_states", "guild_scheduled_events", "presences", "stage_instances",
                    "soundboard_sounds")) {
                d.set(empty, Json.array());
            }
            ObjectNode bot = d.putArray("members").addObject();
            bot.set("user", botUser);
            bot.putArray("roles").add(g.botRoleId);
            bot.put("joined_at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString()).put("deaf", false).put("mute", false)
                    .put("flags", 0).put("pending", false).putNull("nick").putNull("avatar").putNull("premium_since");
            return d;
        }
    }

    /** The bot's permissions in a channel: @everyone and its role, less the channel's overwrite. */
    long botPermissions(EmuGuild g, EmuGuild.EmuChannel c) {
        long base = g.roles.get(g.id).permissions() | g.roles.get(g.botRoleId).permissions();
        return base & ~c.botDeny;
    }

    Optional<EmuGuild> guildOfChannel(String channelId) {
        synchronized (this) {
            return guilds.values().stream().filter(g -> g.channels.containsKey(channelId)).findFirst();
        }
    }

    void gatewayDispatch(String type, ObjectNode data) {
        gateway.dispatch(type, data);
    }

    String now() {
        return Instant.now().toString();
    }

    @Override
    public void close() {
        gateway.shutdown();
        rest.stop();
    }

    /** A 429 or an error answer for the next matching requests. */
    static final class Fault {
        final String method;
        final Pattern path;
        final int status;
        final int code;
        final String message;
        final double retryAfter;
        int remaining;

        Fault(String method, Pattern path, int status, int code, String message, double retryAfter, int remaining) {
            this.method = method;
            this.path = path;
            this.status = status;
            this.code = code;
            this.message = message;
            this.retryAfter = retryAfter;
            this.remaining = remaining;
        }
    }

    /** An interaction in flight: its payload, the bot's callbacks, its original response and follow-ups. */
    static final class Interaction {
        final String id;
        final String token;
        final int type;
        final String guildId;
        final String channelId;
        final ObjectNode payload;
        final List<Callback> callbacks = new CopyOnWriteArrayList<>();
        final List<ObjectNode> followups = new CopyOnWriteArrayList<>();
        volatile long sentNanos;
        volatile ObjectNode original;
        volatile boolean originalDeleted;
        volatile long completedNanos;

        Interaction(String id, String token, int type, String guildId, String channelId, ObjectNode payload) {
            this.id = id;
            this.token = token;
            this.type = type;
            this.guildId = guildId;
            this.channelId = channelId;
            this.payload = payload;
        }
    }

    /** A callback request: its type (4 reply, 5 deferred, 8 choices, 9 modal), its data, when it arrived and how long after the interaction went out. */
    public record Callback(int type, JsonNode data, long receivedNanos, long latencyNanos) {
        public boolean ephemeral() {
            return (data.path("flags").asInt() & EPHEMERAL) != 0;
        }
    }

    /** The bytes of an uploaded attachment, by its id. */
    public Optional<byte[]> attachment(String id) {
        return Optional.ofNullable(attachments.get(id));
    }

    /** A REST request as the emulator received it. */
    public record RecordedRequest(String method, String path, JsonNode body, long receivedNanos) {
    }
}
