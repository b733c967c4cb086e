package dev.studybot.platform.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import dev.studybot.domain.Reply;
import dev.studybot.domain.words.Labels;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.in.Response;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers to requests: an answer form opens as a modal ({@code views.open}); everything else goes
 * to the request's {@code response_url}, ephemeral when it concerns the asker only, and through
 * {@code chat.postEphemeral} or {@code chat.postMessage} when there is no usable response_url.
 */
final class SlackReplies {
    private static final Logger LOG = LoggerFactory.getLogger(SlackReplies.class);

    private final Slack slack;
    private final SlackRenderer renderer;
    private final SlackDelivery delivery;
    private final SlackUploads uploads;

    SlackReplies(Slack slack, SlackRenderer renderer, SlackDelivery delivery, SlackUploads uploads) {
        this.slack = slack;
        this.renderer = renderer;
        this.delivery = delivery;
        this.uploads = uploads;
    }

    /**
     * A picture in a reply for the channel is shared there after the text; one for the asker alone
     * is uploaded unshared and shown in an image block of the ephemeral reply, since a file
     * shared in a channel is never ephemeral. {@code client} is the workspace's.
     */
    void send(SlackOrigin origin, MethodsClient client, Response response) {
        if (response.reply() instanceof Reply.AnswerForm form && origin.triggerId() != null && openForm(client, origin, form)) {
            return;
        }
        if (response.reply() instanceof Reply.SuggestForm form && origin.triggerId() != null
                && open(client, origin, renderer.suggestModal(form, new FormOrigin(0, origin.channel(), origin.responseUrl()).encode()))) {
            return;
        }
        if (response.reply() instanceof Reply.QuestionForm form && !form.rejected() && origin.triggerId() != null
                && SlackRenderer.fits(form.draft()) && openQuestionForm(client, origin, form)) {
            return;
        }
        SlackMessage message = response.reply() instanceof Reply.DeckFile file ? deckFile(client, origin, file) : renderer.render(response.reply());
        if (message.picture().isPresent() && response.ephemeral()) {
            // a message Slack refuses with its image block goes again as text alone
            Optional<SlackMessage> withImage = uploads.keep(client, message.picture().get()).map(message::withImage);
            if (withImage.isPresent() && origin.responseUrl() != null && respond(origin.responseUrl(), withImage.get(), true)) {
                return;
            }
        }
        if (!(origin.responseUrl() != null && respond(origin.responseUrl(), message, response.ephemeral()))) {
            fallback(client, origin, message, response.ephemeral());
        }
        if (message.picture().isPresent() && !response.ephemeral()) {
            uploads.share(client, message.picture().get(), origin.channel(), Optional.empty());
        }
    }

    private boolean openForm(MethodsClient client, SlackOrigin origin, Reply.AnswerForm form) {
        String metadata = new FormOrigin(form.postId(), origin.channel(), origin.responseUrl()).encode();
        return open(client, origin, renderer.answerModal(form, metadata));
    }

    private boolean openQuestionForm(MethodsClient client, SlackOrigin origin, Reply.QuestionForm form) {
        String metadata = QuestionFormOrigin.of(form.draft(), origin.channel(), origin.responseUrl()).encode();
        return open(client, origin, renderer.questionModal(form.draft(), metadata));
    }

    private boolean open(MethodsClient client, SlackOrigin origin, View view) {
        try {
            ViewsOpenResponse r = client.viewsOpen(q -> q.triggerId(origin.triggerId()).view(view));
            if (r.isOk()) {
                return true;
            }
            LOG.warn("views.open of {} failed: {}", view.getCallbackId(), r.getError());
        } catch (IOException | SlackApiException e) {
            LOG.warn("views.open of {} failed: {}", view.getCallbackId(), e.getMessage());
        }
        return false;
    }

    /**
     * A file shared in a channel is never ephemeral, so a deck goes to the asker's direct messages
     * (chat.postMessage to a member's id opens them; its answer names the conversation for the
     * upload), and the reply in the channel says where it went.
     */
    private SlackMessage deckFile(MethodsClient client, SlackOrigin origin, Reply.DeckFile file) {
        try {
            // posted as every message is (its workspace's pace, Slack's 429s and refusals), then the file beside it
            ChatPostMessageResponse dm = delivery.post(origin.team(), client, origin.user(), Optional.empty(), renderer.render(file));
            if (dm.getChannel() != null && uploads.shareFile(client, file.file(), dm.getChannel())) {
                return renderer.deckSent(file);
            }
            LOG.info("The deck file could not go to {}'s direct messages (the upload was refused)", origin.user());
        } catch (DeliveryException e) {
            LOG.info("The deck file could not go to {}'s direct messages ({})", origin.user(), e.getMessage());
        }
        return renderer.render(new Reply.Error(Labels.FILE_REFUSED));
    }

    private boolean respond(String responseUrl, SlackMessage message, boolean ephemeral) {
        try {
            WebhookResponse r = new Responder(slack, responseUrl).send(ActionResponse.builder()
                    .responseType(ephemeral ? "ephemeral" : "in_channel")
                    .replaceOriginal(false)
                    .text(message.text())
                    .blocks(message.blocks())
                    .build());
            if (r.getCode() != null && r.getCode() == 200) {
                return true;
            }
            LOG.warn("Slack refused a reply through response_url: HTTP {}", r.getCode());
        } catch (IOException e) {
            LOG.warn("A reply through response_url failed: {}", e.getMessage());
        }
        return false;
    }

    private void fallback(MethodsClient client, SlackOrigin origin, SlackMessage message, boolean ephemeral) {
        try {
            if (ephemeral) {
                ChatPostEphemeralResponse r = client.chatPostEphemeral(q -> q.channel(origin.channel()).user(origin.user())
                        .text(message.text()).blocks(message.blocks()).parse("none").linkNames(false));
                if (!r.isOk()) {
                    LOG.warn("chat.postEphemeral to {} failed: {}", origin.channel(), r.getError());
                }
            } else {
                delivery.post(origin.team(), client, origin.channel(), Optional.empty(), message);
            }
        } catch (IOException | SlackApiException | DeliveryException e) {
            LOG.warn("A reply in {} could not be delivered: {}", origin.channel(), e.getMessage());
        }
    }
}
