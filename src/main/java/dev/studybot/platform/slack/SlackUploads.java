package dev.studybot.platform.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.File;
import dev.studybot.domain.Attachment;
import dev.studybot.domain.Picture;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a reply's picture with Bolt's {@code filesUploadV2} ({@code files.getUploadURLExternal},
 * the bytes to the URL it gives, {@code files.completeUploadExternal}), its alt text as the file's.
 * An upload is never worth its message: a refusal (no {@code files:write} scope, a channel that
 * takes no files) is logged and the text stands alone.
 */
final class SlackUploads {
    private static final Logger LOG = LoggerFactory.getLogger(SlackUploads.class);
    /** Slack's cap on a file's alt text. */
    static final int ALT_LIMIT = 1000;

    /** Shares the picture in a channel, or in the thread of {@code threadTs}; whether Slack took it. */
    boolean share(MethodsClient client, Picture picture, String channel, Optional<String> threadTs) {
        return upload(client, picture, Optional.of(channel), threadTs).isPresent();
    }

    /** Uploads the picture without sharing it anywhere (an ephemeral reply shows it in an image block); its file id. */
    Optional<String> keep(MethodsClient client, Picture picture) {
        return upload(client, picture, Optional.empty(), Optional.empty());
    }

    private Optional<String> upload(MethodsClient client, Picture picture, Optional<String> channel, Optional<String> threadTs) {
        String alt = SlackRenderer.shorten(picture.altText(), ALT_LIMIT);
        try {
            FilesUploadV2Response r = client.filesUploadV2(q -> q
                    .fileData(picture.png())
                    .filename(picture.fileName())
                    .title(title(picture))
                    .altTxt(alt)
                    .channel(channel.orElse(null))
                    .threadTs(threadTs.orElse(null)));
            if (r.isOk() && r.getFile() != null) {
                return Optional.of(r.getFile().getId());
            }
            if (r.isOk() && r.getFiles() != null && !r.getFiles().isEmpty()) {
                return Optional.ofNullable(r.getFiles().get(0)).map(File::getId);
            }
            LOG.info("Slack refused the chart {} ({}); the text goes alone", picture.fileName(), r.getError());
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.info("Could not upload the chart {} to Slack ({}); the text goes alone", picture.fileName(), e.toString());
        }
        return Optional.empty();
    }

    /** Shares a file (a deck's YAML) in a channel or direct message; whether Slack took it. */
    boolean shareFile(MethodsClient client, Attachment file, String channel) {
        try {
            FilesUploadV2Response r = client.filesUploadV2(q -> q.fileData(file.content()).filename(file.fileName()).title(file.fileName())
                    .channel(channel));
            if (r.isOk()) {
                return true;
            }
            LOG.info("Slack refused the file {} ({})", file.fileName(), r.getError());
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.info("Could not upload the file {} to Slack ({})", file.fileName(), e.toString());
        }
        return false;
    }

    /** The file's title: the alt text's lead ("Leaderboard, week of 30 Nov"). */
    private static String title(Picture picture) {
        String alt = picture.altText();
        int colon = alt.indexOf(':');
        return SlackRenderer.shorten(colon > 0 ? alt.substring(0, colon) : alt, 250);
    }
}
