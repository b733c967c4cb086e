package dev.studybot.platform.slack;

import dev.studybot.domain.ChannelRef;

/**
 * Where a request came from and how to answer it: workspace, channel and member, the
 * {@code trigger_id} a modal needs (valid for 3 seconds), and the {@code response_url} replies go to.
 */
record SlackOrigin(String team, String channel, String user, String userName, String triggerId, String responseUrl) {
    ChannelRef channelRef() {
        return new ChannelRef(SlackAdapter.NAME, team, channel);
    }

    /** One member of one workspace: their requests run in order. */
    String memberKey() {
        return team + ":" + user;
    }
}
