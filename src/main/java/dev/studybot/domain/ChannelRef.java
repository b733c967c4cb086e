package dev.studybot.domain;

import java.util.Objects;

/**
 * A channel on one platform: {@code platform} is the adapter's name (console, discord, slack),
 * {@code workspace} the Slack workspace or Discord server, {@code channel} the channel id.
 */
public record ChannelRef(String platform, String workspace, String channel) {
    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channel, "channel");
    }

    public WorkspaceRef workspaceRef() {
        return new WorkspaceRef(platform, workspace);
    }

    /** A stable key, used for scheduler job names and logs. */
    public String key() {
        return platform + ":" + workspace + ":" + channel;
    }
}
