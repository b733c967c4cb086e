package dev.studybot.platform.discord.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A server in the emulator: roles, text channels (with the bot's denied permissions per channel), its owner. */
public final class EmuGuild {
    final String id;
    final String name;
    final String ownerId;
    final Map<String, EmuRole> roles = new LinkedHashMap<>();
    final Map<String, EmuChannel> channels = new LinkedHashMap<>();
    String botRoleId;

    EmuGuild(String id, String name, String ownerId) {
        this.id = id;
        this.name = name;
        this.ownerId = ownerId;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The id of the channel with this name. */
    public synchronized String channel(String channelName) {
        return channels.values().stream().filter(c -> c.name.equals(channelName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no channel " + channelName)).id;
    }

    public synchronized String role(String roleName) {
        return roles.values().stream().filter(r -> r.name().equals(roleName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no role " + roleName)).id();
    }

    synchronized List<EmuChannel> channelList() {
        return new ArrayList<>(channels.values());
    }

    /** A role: its id, name and permission bits. */
    public record EmuRole(String id, String name, long permissions, int position) {
    }

    /** A text channel; {@code botDeny}: permissions an overwrite takes from the bot here. */
    public static final class EmuChannel {
        final String id;
        final String name;
        final int type;
        final String parentId;
        volatile long botDeny;

        EmuChannel(String id, String name, int type, String parentId, long botDeny) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.parentId = parentId;
            this.botDeny = botDeny;
        }

        public String id() {
            return id;
        }
    }
}
