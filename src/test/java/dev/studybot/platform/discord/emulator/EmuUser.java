package dev.studybot.platform.discord.emulator;

import java.util.List;

/** A member who sends interactions: id, name, and the ids of their roles in the server. */
public record EmuUser(String id, String name, List<String> roleIds) {
    public EmuUser {
        roleIds = List.copyOf(roleIds);
    }
}
