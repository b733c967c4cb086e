package dev.studybot.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A channel on one platform: {@code platform} is the platform module's name (console, discord,
 * slack), {@code workspace} the Slack workspace or Discord server, {@code channel} the channel id.
 * {@code address} is an opaque reference some platforms need to post into a conversation later
 * (a serialized conversation reference); the core stores it with schedules and posts and hands it
 * back, and it takes no part in which channel this is.
 */
public record ChannelRef(String platform, String workspace, String channel, Optional<String> address) {
    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channel, "channel");
        address = address == null ? Optional.empty() : address.filter(a -> !a.isBlank());
    }

    public ChannelRef(String platform, String workspace, String channel) {
        this(platform, workspace, channel, Optional.empty());
    }

    public ChannelRef withAddress(Optional<String> address) {
        return new ChannelRef(platform, workspace, channel, address);
    }

    public WorkspaceRef workspaceRef() {
        return new WorkspaceRef(platform, workspace);
    }

    /** A stable key, used for scheduler job names and logs. */
    public String key() {
        return platform + ":" + workspace + ":" + channel;
    }

    /** The same channel whatever address a platform gave with it. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelRef other && platform.equals(other.platform) && workspace.equals(other.workspace)
                && channel.equals(other.channel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(platform, workspace, channel);
    }
}
