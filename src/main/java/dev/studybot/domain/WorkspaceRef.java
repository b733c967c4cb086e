package dev.studybot.domain;

import java.util.Objects;

/** A Slack workspace or Discord server: everything a team competes in is scoped to one. */
public record WorkspaceRef(String platform, String workspace) {
    public WorkspaceRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspace, "workspace");
    }

    /** One string for the store's workspace columns. */
    public String key() {
        return platform + ":" + workspace;
    }
}
