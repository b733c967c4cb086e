package dev.studybot.platform.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.studybot.port.out.DeliveryException;
import java.io.IOException;
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

    /** Error codes that stay until someone acts, with what to do about them. */
    static final Map<String, String> PERMANENT = Map.ofEntries(
            Map.entry("channel_not_found", "the channel does not exist or studybot cannot see it (invite it to private channels)"),
            Map.entry("not_in_channel", "studybot is not a member of the channel (invite it with /invite @studybot)"),
            Map.entry("is_archived", "the channel is archived"),
            Map.entry("channel_is_archived", "the channel is archived"),
            Map.entry("restricted_action", "the workspace does not let studybot post in that channel"),
            Map.entry("restricted_action_read_only_channel", "the channel is read-only"),
            Map.entry("restricted_action_thread_only_channel", "the channel only allows replies in threads"),
            Map.entry("restricted_action_non_threadable_channel", "the channel does not allow threads"),
            Map.entry("cannot_reply_to_message", "Slack does not allow replies to that message"),
            Map.entry("missing_scope", "the Slack app lacks a permission: reinstall it from config/slack-manifest.yaml"),
            Map.entry("no_permission", "the Slack app lacks a permission: reinstall it from config/slack-manifest.yaml"),
            Map.entry("not_allowed_token_type", "the Slack token is of the wrong type: SLACK_BOT_TOKEN must be a bot token (xoxb-)"),
            Map.entry("not_authed", "the Slack bot token is missing"),
            Map.entry("invalid_auth", "the Slack bot token is not valid"),
            Map.entry("account_inactive", "the Slack bot token belongs to a deactivated app or user"),
            Map.entry("token_revoked", "the Slack bot token was revoked"),
            Map.entry("token_expired", "the Slack bot token expired"),
            Map.entry("team_access_not_granted", "the Slack token has no access to this workspace"),
            Map.entry("ekm_access_denied", "the workspace's key management denies access"),
            Map.entry("org_login_required", "the workspace is being migrated to an organisation"),
            Map.entry("team_added_to_org", "the workspace is being migrated to an organisation"));

    private final MethodsClient client;

    SlackDelivery(MethodsClient client) {
        this.client = client;
    }

    /** Posts to a channel, or in the thread of {@code threadTs}; returns Slack's response (its {@code ts}). */
    ChatPostMessageResponse post(String channel, Optional<String> threadTs, SlackMessage message) throws DeliveryException {
        for (int attempt = 1; ; attempt++) {
            try {
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
                if (status == 429 && attempt == 1) {
                    long wait = retryAfter(e);
                    if (wait <= MAX_RATE_LIMIT_WAIT_SECONDS) {
                        LOG.info("Slack rate-limited a post to {}; trying again in {} s", channel, wait);
                        pause(wait);
                        continue;
                    }
                }
                if (status == 401 || status == 403) {
                    throw new DeliveryException("Slack refused the post: the bot token is not accepted (HTTP " + status + ")", true, e);
                }
                throw new DeliveryException("Slack did not take the post (HTTP " + status + "); it will be tried again", false, e);
            } catch (IOException e) {
                throw new DeliveryException("Slack could not be reached (" + e.getClass().getSimpleName() + "); the post will be tried again", false, e);
            }
        }
    }

    static DeliveryException refused(String error) {
        String code = error == null ? "unknown_error" : error;
        String why = PERMANENT.get(code);
        if (why != null) {
            return new DeliveryException("Slack refused the post: " + why + " (" + code + ")", true);
        }
        return new DeliveryException("Slack did not take the post (" + code + "); it will be tried again", false);
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
            throw new DeliveryException("interrupted while waiting out a Slack rate limit", false, e);
        }
    }
}
