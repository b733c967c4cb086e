package dev.studybot.platform.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.Telemetry;
import dev.studybot.port.out.DeliveryException.Refusal;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts messages with {@code chat.postMessage} and says whether a failure is worth another try.
 * Errors that only a person can fix (a deleted or archived channel, a bot outside a private
 * channel, a revoked token, a missing scope) are permanent, so the core pauses the schedule and
 * says why; outages and rate limits are not. A short rate-limit wait is honoured once here.
 */
final class SlackDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(SlackDelivery.class);
    private static final long MAX_RATE_LIMIT_WAIT_SECONDS = 10;

    /** Error codes that stay until someone acts, as the core's refusals. */
    static final Map<String, Refusal> PERMANENT = Map.ofEntries(
            Map.entry("channel_not_found", new Refusal.ChannelGone()),
            Map.entry("not_in_channel", new Refusal.NotInChannel()),
            Map.entry("is_archived", new Refusal.ChannelArchived()),
            Map.entry("channel_is_archived", new Refusal.ChannelArchived()),
            Map.entry("restricted_action", new Refusal.NotAllowed()),
            Map.entry("restricted_action_read_only_channel", new Refusal.NotAllowed()),
            Map.entry("restricted_action_thread_only_channel", new Refusal.NotAllowed()),
            Map.entry("restricted_action_non_threadable_channel", new Refusal.NotAllowed()),
            Map.entry("cannot_reply_to_message", new Refusal.NotAllowed()),
            Map.entry("missing_scope", new Refusal.MissingPermissions(List.of("of the app manifest (reinstall the app)"))),
            Map.entry("no_permission", new Refusal.MissingPermissions(List.of("of the app manifest (reinstall the app)"))),
            Map.entry("not_allowed_token_type", new Refusal.TokenRejected()),
            Map.entry("not_authed", new Refusal.TokenRejected()),
            Map.entry("invalid_auth", new Refusal.TokenRejected()),
            Map.entry("account_inactive", new Refusal.TokenRejected()),
            Map.entry("token_revoked", new Refusal.TokenRejected()),
            Map.entry("token_expired", new Refusal.TokenRejected()),
            Map.entry("team_access_not_granted", new Refusal.NotAllowed()),
            Map.entry("ekm_access_denied", new Refusal.NotAllowed()),
            Map.entry("org_login_required", new Refusal.NotAllowed()),
            Map.entry("team_added_to_org", new Refusal.NotAllowed()));

    private static final int MAX_WORKSPACES = 100_000;

    private final java.util.function.Supplier<SlackPace> newPace;
    private final Map<String, SlackPace> paces = new java.util.concurrent.ConcurrentHashMap<>();
    private final Telemetry telemetry;

    /** {@code newPace} makes the pace of one workspace: each workspace has its own limits. */
    SlackDelivery(java.util.function.Supplier<SlackPace> newPace, Telemetry telemetry) {
        this.newPace = newPace;
        this.telemetry = telemetry;
    }

    /**
     * Posts to a channel of {@code workspace} with its {@code client}, or in the thread of
     * {@code threadTs}; returns Slack's response (its {@code ts}).
     */
    ChatPostMessageResponse post(String workspace, MethodsClient client, String channel, Optional<String> threadTs, SlackMessage message)
            throws DeliveryException {
        if (paces.size() > MAX_WORKSPACES) {
            paces.clear();
        }
        SlackPace pace = paces.computeIfAbsent(workspace, w -> newPace.get());
        for (int attempt = 1; ; attempt++) {
            try {
                pace.await(channel);
                ChatPostMessageResponse r = client.chatPostMessage(q -> q
                        .channel(channel)
                        .threadTs(threadTs.orElse(null))
                        .text(message.text())
                        .blocks(message.blocks())
                        .parse("none")
                        .linkNames(false)
                        .unfurlLinks(false)
                        .unfurlMedia(false));
                if (r.isOk()) {
                    return r;
                }
                throw refused(r.getError());
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status == 429) {
                    telemetry.rateLimited(SlackAdapter.NAME, false);
                }
                if (status == 429 && attempt == 1) {
                    long wait = retryAfter(e);
                    if (wait <= MAX_RATE_LIMIT_WAIT_SECONDS) {
                        LOG.info("Slack rate-limited a post to {}; trying again in {} s", channel, wait);
                        pause(wait);
                        continue;
                    }
                }
                if (status == 401 || status == 403) {
                    throw new DeliveryException(new Refusal.TokenRejected(), null, "HTTP " + status, "Slack refused the bot token (HTTP " + status + ")", e);
                }
                throw new DeliveryException(new Refusal.Unavailable(), "Slack did not take the post (HTTP " + status + ")", e);
            } catch (IOException e) {
                throw new DeliveryException(new Refusal.Unavailable(), "Slack could not be reached (" + e.getClass().getSimpleName() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException(new Refusal.Unavailable(), "interrupted while waiting for Slack's rate limit", e);
            }
        }
    }

    static DeliveryException refused(String error) {
        String code = error == null ? "unknown_error" : error;
        Refusal refusal = PERMANENT.get(code);
        if (refusal != null) {
            return new DeliveryException(refusal, null, code, "Slack refused the post (" + code + ")", null);
        }
        return new DeliveryException(new Refusal.Unavailable(), "Slack did not take the post (" + code + ")");
    }

    private static long retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return header == null ? 1 : Math.max(0, Long.parseLong(header.strip()));
        } catch (NumberFormatException ignored) {
            return MAX_RATE_LIMIT_WAIT_SECONDS + 1;
        }
    }

    private static void pause(long seconds) throws DeliveryException {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(new Refusal.Unavailable(), "interrupted while waiting out a Slack rate limit", e);
        }
    }
}
