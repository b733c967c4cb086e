package dev.studybot.domain;

import java.util.Objects;
import java.util.Set;

/**
 * The member who sent a command. {@code platformAdmin} is the platform's own admin right
 * (Manage Server, workspace admin or owner); {@code roles} are role or user-group names that
 * config may grant admin rights to.
 */
public record Actor(String userId, String displayName, boolean platformAdmin, Set<String> roles) {
    public Actor {
        Objects.requireNonNull(userId, "userId");
        displayName = displayName == null || displayName.isBlank() ? userId : displayName;
        roles = Set.copyOf(roles);
    }

    public static Actor member(String userId, String displayName) {
        return new Actor(userId, displayName, false, Set.of());
    }
}
