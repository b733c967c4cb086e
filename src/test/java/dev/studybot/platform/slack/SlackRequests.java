package dev.studybot.platform.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The requests Slack sends an app (slash commands, button clicks, modal submissions), built as
 * Slack builds them, and sent the two ways Slack sends them: as Socket Mode envelopes, or as
 * signed HTTP POSTs.
 */
final class SlackRequests {
    private static final Pattern BROADCAST = Pattern.compile("@((?i:here|channel|everyone))\\b");
    private final SlackEmulator emu;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SlackRequests(SlackEmulator emu) {
        this.emu = emu;
    }

    /** One request: Socket Mode envelope type, payload, and where the app should answer it. */
    record Request(String envelopeType, ObjectNode payload, String triggerId, String responseUrl) {
    }

    /**
     * What Slack sends for text typed after {@code /study}, with "escape channels, users and links"
     * on: {@code & < >} as entities, {@code @here}, {@code @channel} and {@code @everyone} as
     * special mentions.
     */
    static String asSent(String typed) {
        String escaped = typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return BROADCAST.matcher(escaped).replaceAll("<!$1>");
    }

    /** A slash command whose {@code text} is already as Slack sends it (see {@link #asSent}). */
    Request slash(SlackEmulator.Member m, String channel, String text) {
        ObjectNode p = emu.json.createObjectNode();
        String trigger = emu.newTriggerId();
        String responseUrl = emu.newResponseUrl();
        p.put("token", "legacy-verification-token").put("team_id", SlackEmulator.TEAM).put("team_domain", "emulator")
                .put("channel_id", channel).put("channel_name", "general").put("user_id", m.id()).put("user_name", m.name())
                .put("command", "/study").put("text", text).put("api_app_id", "A0STUDYBOT").put("is_enterprise_install", "false")
                .put("response_url", responseUrl).put("trigger_id", trigger);
        return new Request("slash_commands", p, trigger, responseUrl);
    }

    /** A slash command from a member of one of the emulator's installable workspaces. */
    Request slash(SlackEmulatorInstalls.Team team, SlackEmulator.Member m, String channel, String text) {
        Request r = slash(m, channel, text);
        r.payload().put("team_id", team.id()).put("team_domain", team.name().toLowerCase(java.util.Locale.ROOT))
                .put("is_enterprise_install", Boolean.toString(team.orgWide()));
        if (team.enterprise() != null) {
            r.payload().put("enterprise_id", team.enterprise()).put("enterprise_name", team.name() + " organisation");
        }
        return r;
    }

    /** An Events API delivery of {@code type} (app_uninstalled, tokens_revoked) for a workspace, as JSON. */
    String event(SlackEmulatorInstalls.Team team, String type) {
        ObjectNode body = emu.json.createObjectNode();
        body.put("token", "legacy-verification-token").put("team_id", team.id()).put("api_app_id", SlackEmulatorInstalls.APP_ID)
                .put("type", "event_callback").put("event_id", "Ev" + emu.nextId()).put("event_time", Instant.now().getEpochSecond())
                .put("is_ext_shared_channel", false);
        if (team.enterprise() != null) {
            body.put("enterprise_id", team.enterprise());
        }
        ObjectNode event = body.putObject("event").put("type", type).put("event_ts", Instant.now().getEpochSecond() + ".000100");
        if (type.equals("tokens_revoked")) {
            ObjectNode tokens = event.putObject("tokens");
            tokens.putArray("oauth");
            tokens.putArray("bot").add("U0BOT" + team.id());
        }
        ObjectNode auth = body.putArray("authorizations").addObject();
        auth.put("team_id", team.orgWide() ? null : team.id()).put("user_id", "U0BOT" + team.id()).put("is_bot", true)
                .put("is_enterprise_install", team.orgWide());
        if (team.enterprise() != null) {
            auth.put("enterprise_id", team.enterprise());
        } else {
            auth.putNull("enterprise_id");
        }
        return body.toString();
    }

    /** A {@code file_shared} event in a workspace of the distributed app: a member shared a file in {@code channel}, as JSON. */
    String fileShared(SlackEmulatorInstalls.Team team, SlackEmulator.Member m, String channel, SlackEmulator.MemberFile file) {
        try {
            ObjectNode body = (ObjectNode) emu.json.readTree(event(team, "file_shared"));
            ((ObjectNode) body.path("event")).put("file_id", file.id()).put("user_id", m.id()).put("channel_id", channel)
                    .putObject("file").put("id", file.id());
            return body.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A signed JSON POST (an Events API delivery), as Slack sends it. */
    HttpResponse<String> jsonOverHttp(int port, String json) throws IOException, InterruptedException {
        long now = Instant.now().getEpochSecond();
        return overHttp(port, json, SlackEmulator.SIGNING_SECRET, now, Map.of("Content-Type", "application/json"));
    }

    /** A click on a button of a message the app posted. */
    Request button(SlackEmulator.Member m, SlackEmulator.Posted post, String actionId) {
        JsonNode button = findButton(post.blocks(), actionId);
        ObjectNode p = interactive("block_actions", m);
        String trigger = emu.newTriggerId();
        String responseUrl = emu.newResponseUrl();
        p.put("trigger_id", trigger).put("response_url", responseUrl);
        p.putObject("container").put("type", "message").put("message_ts", post.ts()).put("channel_id", post.channel())
                .put("is_ephemeral", false);
        p.putObject("channel").put("id", post.channel()).put("name", "general");
        ObjectNode message = p.putObject("message");
        message.put("type", "message").put("ts", post.ts()).put("text", post.text()).put("user", SlackEmulator.BOT_USER);
        message.set("blocks", post.blocks());
        ObjectNode action = p.putArray("actions").addObject();
        action.put("type", "button").put("action_id", actionId).put("block_id", button.path("block_id").asText("b"))
                .put("value", button.path("value").asText()).put("action_ts", Instant.now().getEpochSecond() + ".000001");
        action.putObject("text").put("type", "plain_text").put("text", button.path("text").path("text").asText());
        return new Request("interactive", p, trigger, responseUrl);
    }

    /** Submitting a modal the app opened, with {@code text} typed in its answer field. */
    Request submit(SlackEmulator.Member m, SlackEmulator.OpenedView opened, String text) {
        Map<String, String> typed = new java.util.HashMap<>();
        opened.view().path("blocks").forEach(b -> typed.put(b.path("block_id").asText(), text));
        return submit(m, opened, typed);
    }

    /** Submitting a modal the app opened, with a value typed in each of its input blocks (by block id). */
    Request submit(SlackEmulator.Member m, SlackEmulator.OpenedView opened, Map<String, String> typed) {
        ObjectNode p = interactive("view_submission", m);
        String trigger = emu.newTriggerId();
        p.put("trigger_id", trigger);
        ObjectNode view = p.putObject("view");
        view.setAll((ObjectNode) opened.view().deepCopy());
        view.put("id", "V" + emu.nextId()).put("team_id", SlackEmulator.TEAM).put("hash", "h" + emu.nextId());
        ObjectNode values = view.putObject("state").putObject("values");
        for (JsonNode block : opened.view().path("blocks")) {
            if (block.path("type").asText().equals("input")) {
                values.putObject(block.path("block_id").asText()).putObject(block.path("element").path("action_id").asText())
                        .put("type", "plain_text_input").put("value", typed.getOrDefault(block.path("block_id").asText(), ""));
            }
        }
        p.putArray("response_urls");
        return new Request("interactive", p, trigger, null);
    }

    /** A {@code file_shared} event: a member shared a file in {@code channel} (a direct message with the app when it starts with D). */
    Request fileShared(SlackEmulator.Member m, String channel, SlackEmulator.MemberFile file) {
        ObjectNode event = emu.json.createObjectNode();
        event.put("type", "file_shared").put("file_id", file.id()).put("user_id", m.id()).put("channel_id", channel)
                .put("event_ts", Instant.now().getEpochSecond() + ".000100");
        event.putObject("file").put("id", file.id());
        return event(event);
    }

    /** An {@code app_mention} event whose message carries a file. */
    Request mentionWithFile(SlackEmulator.Member m, String channel, SlackEmulator.MemberFile file) {
        ObjectNode event = emu.json.createObjectNode();
        String ts = Instant.now().getEpochSecond() + ".000200";
        event.put("type", "app_mention").put("user", m.id()).put("text", "<@" + SlackEmulator.BOT_USER + "> our list").put("ts", ts)
                .put("channel", channel).put("event_ts", ts);
        event.putArray("files").addObject().put("id", file.id()).put("name", file.name()).put("mimetype", file.mimetype());
        return event(event);
    }

    private Request event(ObjectNode event) {
        ObjectNode p = emu.json.createObjectNode();
        p.put("token", "legacy-verification-token").put("team_id", SlackEmulator.TEAM).put("api_app_id", "A0STUDYBOT")
                .put("type", "event_callback").put("event_id", "Ev" + emu.nextId()).put("event_time", Instant.now().getEpochSecond());
        p.set("event", event);
        return new Request("events_api", p, null, null);
    }

    /** A click on a button of an ephemeral message the app sent. */
    Request button(SlackEmulator.Member m, SlackEmulator.Ephemeral message, String actionId) {
        return button(m, new SlackEmulator.Posted(message.channel(), "1700000000.000900", null, message.text(), message.blocks()), actionId);
    }

    private ObjectNode interactive(String type, SlackEmulator.Member m) {
        ObjectNode p = emu.json.createObjectNode();
        p.put("type", type).put("token", "legacy-verification-token").put("api_app_id", "A0STUDYBOT").put("is_enterprise_install", false);
        p.putObject("team").put("id", SlackEmulator.TEAM).put("domain", "emulator");
        p.putObject("user").put("id", m.id()).put("username", m.name()).put("name", m.name()).put("team_id", SlackEmulator.TEAM);
        return p;
    }

    private static JsonNode findButton(JsonNode blocks, String actionId) {
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    ObjectNode copy = ((ObjectNode) element).deepCopy();
                    copy.put("block_id", block.path("block_id").asText());
                    return copy;
                }
            }
        }
        throw new AssertionError("no button " + actionId + " in " + blocks);
    }

    // ---------------------------------------------------------------- Socket Mode

    CompletableFuture<SocketModeServer.Ack> overSocket(Request r) {
        return emu.socket.send(r.envelopeType(), r.payload(), 0);
    }

    CompletableFuture<SocketModeServer.Ack> overSocketAgain(Request r, int retryAttempt) {
        return emu.socket.send(r.envelopeType(), r.payload(), retryAttempt);
    }

    // ---------------------------------------------------------------- HTTP mode

    /** The HTTP body Slack posts: form fields for a slash command, {@code payload=JSON} for the rest. */
    static String formBody(Request r) {
        if (r.envelopeType().equals("slash_commands")) {
            StringBuilder out = new StringBuilder();
            Iterator<Map.Entry<String, JsonNode>> fields = r.payload().properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(enc(f.getKey())).append('=').append(enc(f.getValue().asText()));
            }
            return out.toString();
        }
        return "payload=" + enc(r.payload().toString());
    }

    /** A signed POST, as Slack sends it. */
    HttpResponse<String> overHttp(int port, Request r) throws IOException, InterruptedException {
        return overHttp(port, formBody(r), SlackEmulator.SIGNING_SECRET, Instant.now().getEpochSecond(), Map.of());
    }

    /** Slack's redelivery of the same request, with {@code X-Slack-Retry-Num}. */
    HttpResponse<String> overHttpAgain(int port, Request r, int retryNum) throws IOException, InterruptedException {
        return overHttp(port, formBody(r), SlackEmulator.SIGNING_SECRET, Instant.now().getEpochSecond(),
                Map.of("X-Slack-Retry-Num", Integer.toString(retryNum), "X-Slack-Retry-Reason", "http_timeout"));
    }

    HttpResponse<String> overHttp(int port, String body, String secret, long timestamp, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::setHeader);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
