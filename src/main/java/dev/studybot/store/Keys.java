package dev.studybot.store;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.WorkspaceRef;
import java.time.Instant;

/** How model values are written to columns: workspaces as "platform:id", instants as epoch millis. */
final class Keys {
    private Keys() {
    }

    static WorkspaceRef workspace(String key) {
        int colon = key.indexOf(':');
        return new WorkspaceRef(key.substring(0, colon), key.substring(colon + 1));
    }

    static ChannelRef channel(String workspaceKey, String channel) {
        WorkspaceRef ws = workspace(workspaceKey);
        return new ChannelRef(ws.platform(), ws.workspace(), channel);
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
