package dev.studybot.platform.slack;

import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.SlackFileObject;
import dev.studybot.domain.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rendered reply: Block Kit blocks, the mrkdwn text Slack shows in notifications, and a picture to upload. */
record SlackMessage(String text, List<LayoutBlock> blocks, Optional<Picture> picture) {
    /** Slack's cap on an image block's alt text. */
    static final int IMAGE_ALT_LIMIT = 2000;

    SlackMessage {
        blocks = List.copyOf(blocks);
    }

    SlackMessage(String text, List<LayoutBlock> blocks) {
        this(text, blocks, Optional.empty());
    }

    /** The message with its picture shown from an uploaded file in an image block, at the end. */
    SlackMessage withImage(String fileId) {
        Picture p = picture.orElseThrow();
        List<LayoutBlock> more = new ArrayList<>(blocks.subList(0, Math.min(blocks.size(), SlackRenderer.BLOCK_LIMIT - 1)));
        more.add(ImageBlock.builder().slackFile(SlackFileObject.builder().id(fileId).build())
                .altText(SlackRenderer.shorten(p.altText(), IMAGE_ALT_LIMIT)).build());
        return new SlackMessage(text, more, picture);
    }
}
