package dev.studybot.platform.discord;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.DeliveryException.Refusal;
import dev.studybot.port.out.PostedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts to Discord by REST alone, without a gateway session: what a node uses while another node
 * holds the gateway. Messages are rendered as the gateway adapter renders them and serialised by
 * JDA's own {@link MessageCreateData#toData()}, so both post the same thing; the global limit is
 * {@link GlobalPace}'s, shared with the rest of the node. Per-route buckets are kept from the
 * {@code X-RateLimit-*} headers, and a 429 is waited out (up to a few times) as JDA does. With no
 * channel cache to check against, Discord's own answer says what is missing: its error codes are
 * sorted as {@link DiscordFailures} sorts JDA's.
 */
final class DiscordRest implements ChatPlatform {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordRest.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String DISCORD = "https://discord.com/api/v10/";
    private static final int TRIES = 5;
    private static final int THREAD_ALREADY_CREATED = 160004;

    private final OkHttpClient http;
    private final String base;
    private final String apiBaseUrl;
    private final String token;
    private final DiscordRenderer renderer = new DiscordRenderer();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** A route's bucket as Discord last described it. */
    private record Bucket(int remaining, long resetAtNanos) {
    }

    /** What Discord answered: status, JSON body (empty object when none). */
    private record Answer(int status, DataObject body) {
        boolean ok() {
            return status / 100 == 2;
        }

        int code() {
            return body.getInt("code", 0);
        }
    }

    DiscordRest(DiscordSettings settings, GlobalPace pace) {
        this.base = settings.apiBaseUrl().isEmpty() ? DISCORD : settings.restBase();
        this.apiBaseUrl = settings.apiBaseUrl();
        this.token = settings.token();
        this.http = new OkHttpClient.Builder().addInterceptor(pace).callTimeout(Duration.ofSeconds(30)).build();
    }

    @Override
    public String name() {
        return DiscordAdapter.NAME;
    }

    @Override
    public PostedMessage post(ChannelRef where, Optional<PostedMessage> inThreadOf, Reply reply) throws DeliveryException {
        String place = "channel " + where.channel() + " of server " + where.workspace();
        DiscordView view = renderer.render(reply);
        if (inThreadOf.isPresent()) {
            PostedMessage post = inThreadOf.get();
            if (post.threadRef().isPresent()) {
                try {
                    String id = send(post.threadRef().get(), view, Optional.empty(), Optional.empty(), place);
                    return new PostedMessage(id, post.threadRef());
                } catch (DeliveryException e) {
                    LOG.info("Could not post in thread {} of {}, replying to the post instead: {}", post.threadRef().get(), place, e.getMessage());
                }
            }
            return new PostedMessage(send(where.channel(), view, Optional.of(post.messageRef()), Optional.empty(), place),
                    Optional.empty());
        }
        Optional<String> nonce = DiscordIds.nonce(reply);
        String first = send(where.channel(), view, Optional.empty(), nonce, place);
        if (!(reply instanceof Reply.QuestionCard card)) {
            return new PostedMessage(first, Optional.empty());
        }
        DataObject thread = DataObject.empty().put("name", DiscordRenderer.threadName(card.question())).put("auto_archive_duration", 10080);
        try {
            Answer a = call("POST", "channels/" + where.channel() + "/messages/" + first + "/threads", "threads:" + where.channel(),
                    json(thread), place);
            if (a.ok()) {
                return new PostedMessage(first, Optional.of(a.body().getString("id")));
            }
            if (a.code() == THREAD_ALREADY_CREATED) {
                // a resend of a post whose thread was opened: a thread started from a message has the message's id
                return new PostedMessage(first, Optional.of(first));
            }
            LOG.warn("Posted in {} but could not open its thread: {}", place, failure(a, place).getMessage());
        } catch (DeliveryException e) {
            LOG.warn("Posted in {} but could not open its thread: {}", place, e.getMessage());
        }
        return new PostedMessage(first, Optional.empty());
    }

    @Override
    public void tell(WorkspaceRef workspace, String userId, Reply reply) throws DeliveryException {
        String place = "a direct message to member " + userId;
        Answer dm = call("POST", "users/@me/channels", "dm", json(DataObject.empty().put("recipient_id", userId)), place);
        if (!dm.ok()) {
            throw failure(dm, place);
        }
        send(dm.body().getString("id"), renderer.render(reply).messages(), Optional.empty(), Optional.empty(), place);
    }

    /**
     * What Discord recommends for the bot ({@code GET /gateway/bot}): the shard count.
     */
    ShardPlan recommended() {
        String place = "the gateway's shard count";
        try {
            Answer a = call("GET", "gateway/bot", "gateway", null, place);
            if (!a.ok()) {
                throw new IllegalStateException("Discord refused " + place + " (GET gateway/bot): " + failure(a, place).getMessage());
            }
            return new ShardPlan(Math.max(1, a.body().getInt("shards", 1)));
        } catch (DeliveryException e) {
            String where = apiBaseUrl.isEmpty() ? "discord.com" : apiBaseUrl;
            throw new IllegalStateException("the Discord API at " + where + " cannot be reached: " + e.getMessage(), e);
        }
    }

    /**
     * Sends a view. A picture goes only where the bot may attach files: Discord's refusal of it
     * (Missing Permissions) sends the text again alone, as the gateway's path does before sending.
     */
    private String send(String channelId, DiscordView view, Optional<String> replyTo, Optional<String> nonce, String place)
            throws DeliveryException {
        try {
            return send(channelId, view.messages(), replyTo, nonce, place);
        } catch (DeliveryException e) {
            if (view.picture().isEmpty() || !(e.refusal() instanceof Refusal.MissingPermissions)) {
                throw e;
            }
            LOG.info("Posting to {} without its chart: studybot may not attach files there", place);
            return send(channelId, view.withoutPicture().messages(), replyTo, nonce, place);
        }
    }

    /** Sends the messages in order; the first one's id. */
    private String send(String channelId, List<MessageCreateData> messages, Optional<String> replyTo, Optional<String> nonce, String place)
            throws DeliveryException {
        String first = null;
        for (MessageCreateData data : messages) {
            DataObject body = data.toData();
            if (first == null) {
                replyTo.ifPresent(id -> body.put("message_reference", DataObject.empty().put("message_id", id).put("fail_if_not_exists", false)));
                nonce.ifPresent(n -> body.put("nonce", n).put("enforce_nonce", true));
            }
            Answer a = call("POST", "channels/" + channelId + "/messages", "messages:" + channelId, body(body, data.getFiles()), place);
            if (!a.ok()) {
                throw failure(a, place);
            }
            if (first == null) {
                first = a.body().getString("id");
            }
        }
        return first;
    }

    private static RequestBody json(DataObject body) {
        return RequestBody.create(body.toJson(), JSON);
    }

    /** JSON, or with files the multipart form Discord takes: {@code payload_json} and {@code files[n]}. */
    private static RequestBody body(DataObject body, List<FileUpload> files) throws DeliveryException {
        if (files.isEmpty()) {
            return json(body);
        }
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        form.addFormDataPart("payload_json", null, RequestBody.create(body.toJson(), JSON));
        for (int i = 0; i < files.size(); i++) {
            FileUpload file = files.get(i);
            try (InputStream in = file.getData()) {
                form.addFormDataPart("files[" + i + "]", file.getName(), RequestBody.create(in.readAllBytes(), MediaType.get("application/octet-stream")));
            } catch (IOException e) {
                throw new DeliveryException(new Refusal.Unavailable(), "could not read the attachment " + file.getName() + ": " + e.getMessage(), e);
            }
        }
        return form.build();
    }

    /** One request, within its route's bucket; a 429 is waited out and tried again. */
    private Answer call(String method, String path, String route, RequestBody body, String place) throws DeliveryException {
        for (int attempt = 1; ; attempt++) {
            awaitBucket(route);
            Request request = new Request.Builder().url(base + path).header("Authorization", "Bot " + token)
                    .header("User-Agent", "DiscordBot (studybot, 0.1)").method(method, body).build();
            try (Response response = http.newCall(request).execute()) {
                remember(route, response);
                ResponseBody raw = response.body();
                byte[] bytes = raw == null ? new byte[0] : raw.bytes();
                DataObject json = bytes.length > 0 && bytes[0] == '{' ? DataObject.fromJson(bytes) : DataObject.empty();
                if (response.code() != 429) {
                    return new Answer(response.code(), json);
                }
                double retryAfter = json.getDouble("retry_after", headerSeconds(response, "Retry-After", 1));
                if (attempt >= TRIES) {
                    throw new DeliveryException(new Refusal.Unavailable(), "Discord kept rate-limiting " + place + " after " + TRIES + " tries");
                }
                LOG.debug("429 on {} {}: waiting {} s", method, path, retryAfter);
                pause((long) (retryAfter * 1e9));
            } catch (IOException e) {
                throw new DeliveryException(new Refusal.Unavailable(), "Discord could not be reached for " + place + ": " + e.getMessage(), e);
            }
        }
    }

    private void awaitBucket(String route) throws DeliveryException {
        Bucket b = buckets.get(route);
        if (b != null && b.remaining() <= 0) {
            long wait = b.resetAtNanos() - System.nanoTime();
            if (wait > 0) {
                pause(wait);
            }
        }
    }

    private void remember(String route, Response response) {
        String remaining = response.header("X-RateLimit-Remaining");
        if (remaining == null) {
            return;
        }
        try {
            long resetAfter = (long) (Double.parseDouble(response.header("X-RateLimit-Reset-After", "0")) * 1e9);
            buckets.put(route, new Bucket(Integer.parseInt(remaining), System.nanoTime() + resetAfter));
        } catch (NumberFormatException e) {
            buckets.remove(route);
        }
    }

    private static double headerSeconds(Response response, String header, double fallback) {
        try {
            return Double.parseDouble(response.header(header, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Waiting out a rate limit Discord announced: the only wait in the sender's path. */
    private static void pause(long nanos) throws DeliveryException {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(new Refusal.Unavailable(), "interrupted waiting for Discord's rate limit");
        }
    }

    private static DeliveryException failure(Answer a, String place) {
        ErrorResponse error = ErrorResponse.fromCode(a.code());
        String meaning = a.body().getString("message", "HTTP " + a.status());
        if (a.status() == 401) {
            return new DeliveryException(new Refusal.TokenRejected(), place, meaning, "Discord rejected the bot token (HTTP 401)", null);
        }
        String detail = "Discord refused the message in " + place + ": " + meaning + " (code " + a.code() + ", HTTP " + a.status() + ")";
        return new DeliveryException(DiscordFailures.refusal(error, a.status()), place, meaning, detail, null);
    }

    /** Discord's URL for a REST call, for logs: never with the token. */
    @Override
    public String toString() {
        return "DiscordRest[" + base + "]";
    }
}
