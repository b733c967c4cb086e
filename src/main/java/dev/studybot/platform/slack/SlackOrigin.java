package dev.studybot.platform.slack;

import dev.studybot.domain.ChannelRef;

/**
 * Where a request came from and how to answer it: workspace (the key of its references),
 * channel and member, the {@code trigger_id} a modal needs (valid for 3 seconds), the
 * {@code response_url} replies go to, and the bot token Bolt resolved for the workspace (never
 * shown by {@link #toString()}).
 */
record SlackOrigin(String team, String channel, String user, String userName, String triggerId, String responseUrl, String botToken) {
    ChannelRef channelRef() {
        return new ChannelRef(SlackAdapter.NAME, team, channel);
    }

    /** One member of one workspace: their requests run in order. */
    String memberKey() {
        return team + ":" + user;
    }

    @Override
    public String toString() {
        return "SlackOrigin[team=" + team + ", channel=" + channel + ", user=" + user + "]";
    }
}
