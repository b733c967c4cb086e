package dev.studybot.platform.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** A rendered reply: Block Kit blocks, and the mrkdwn text Slack shows in notifications. */
record SlackMessage(String text, List<LayoutBlock> blocks) {
    SlackMessage {
        blocks = List.copyOf(blocks);
    }
}
