package dev.studybot.platform.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.UsergroupsListResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import com.slack.api.model.Usergroup;
import dev.studybot.domain.Actor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack member is, for the core: display name, whether the workspace makes them an admin
 * or owner ({@code users.info}), and the handles of the user groups they are in
 * ({@code usergroups.list}), which config may name as admin groups. Both are cached for minutes,
 * each workspace apart from the others (an admin of one workspace is nobody special in another,
 * even under the same user id), and a failed look-up makes a plain member, never an admin.
 */
final class SlackPeople {
    private static final Logger LOG = LoggerFactory.getLogger(SlackPeople.class);
    private static final Duration USER_TTL = Duration.ofMinutes(10);
    private static final Duration GROUPS_TTL = Duration.ofMinutes(5);
    private static final int MAX_USERS = 10_000;

    private static final int MAX_WORKSPACES = 10_000;

    private final Clock clock;
    /** By workspace and member id. */
    private final Map<String, Cached<Person>> users = new ConcurrentHashMap<>();
    /** By workspace: each member's user group handles. */
    private final Map<String, Cached<Map<String, Set<String>>>> groups = new ConcurrentHashMap<>();

    SlackPeople(Clock clock) {
        this.clock = clock;
    }

    private record Person(String displayName, boolean admin) {
    }

    private record Cached<T>(T value, Instant until) {
    }

    /**
     * The member who sent a request in {@code workspace}, looked up with that workspace's
     * {@code client}; {@code fallbackName} is the name the payload carried.
     */
    Actor actor(String workspace, MethodsClient client, String userId, String fallbackName) {
        Optional<Person> person = person(workspace, client, userId);
        String name = person.map(Person::displayName).filter(n -> !n.isBlank()).orElse(fallbackName);
        return new Actor(userId, name, person.map(Person::admin).orElse(false), groupsOf(workspace, client, userId));
    }

    private Optional<Person> person(String workspace, MethodsClient client, String userId) {
        Instant now = clock.instant();
        String key = workspace + "/" + userId;
        Cached<Person> cached = users.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.value());
        }
        try {
            UsersInfoResponse r = client.usersInfo(q -> q.user(userId));
            if (!r.isOk() || r.getUser() == null) {
                LOG.warn("users.info for {} failed: {}", userId, r.getError());
                return Optional.empty();
            }
            Person p = new Person(displayName(r.getUser()), isAdmin(r.getUser()));
            if (users.size() >= MAX_USERS) {
                users.clear();
            }
            users.put(key, new Cached<>(p, now.plus(USER_TTL)));
            return Optional.of(p);
        } catch (IOException | SlackApiException e) {
            LOG.warn("users.info for {} failed: {}", userId, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isAdmin(User u) {
        return u.isAdmin() || u.isOwner() || u.isPrimaryOwner();
    }

    private static String displayName(User u) {
        if (u.getProfile() != null) {
            String display = u.getProfile().getDisplayName();
            if (display != null && !display.isBlank()) {
                return display;
            }
            String real = u.getProfile().getRealName();
            if (real != null && !real.isBlank()) {
                return real;
            }
        }
        if (u.getRealName() != null && !u.getRealName().isBlank()) {
            return u.getRealName();
        }
        return u.getName() == null ? "" : u.getName();
    }

    private Set<String> groupsOf(String workspace, MethodsClient client, String userId) {
        Instant now = clock.instant();
        Cached<Map<String, Set<String>>> current = groups.get(workspace);
        if (current == null || !current.until().isAfter(now)) {
            current = new Cached<>(loadGroups(client), now.plus(GROUPS_TTL));
            if (groups.size() >= MAX_WORKSPACES) {
                groups.clear();
            }
            groups.put(workspace, current);
        }
        return current.value().getOrDefault(userId, Set.of());
    }

    /** Forgets what was cached about a workspace's members (the app left it). */
    void forget(java.util.function.Predicate<String> workspaces) {
        groups.keySet().removeIf(workspaces);
        // a member's key is the workspace's key (which may hold a '/' itself) and the user id after the last '/'
        users.keySet().removeIf(k -> k.lastIndexOf('/') > 0 && workspaces.test(k.substring(0, k.lastIndexOf('/'))));
    }

    private Map<String, Set<String>> loadGroups(MethodsClient client) {
        try {
            UsergroupsListResponse r = client.usergroupsList(q -> q.includeUsers(true));
            if (!r.isOk()) {
                LOG.warn("usergroups.list failed ({}): admin user groups are not recognised until it works", r.getError());
                return Map.of();
            }
            Map<String, Set<String>> byUser = new HashMap<>();
            for (Usergroup g : r.getUsergroups()) {
                if (g.getHandle() == null || g.getUsers() == null || g.getDateDelete() != null && g.getDateDelete() > 0) {
                    continue;
                }
                for (String user : g.getUsers()) {
                    byUser.computeIfAbsent(user, k -> new HashSet<>()).add(g.getHandle());
                }
            }
            return byUser;
        } catch (IOException | SlackApiException e) {
            LOG.warn("usergroups.list failed: {}", e.getMessage());
            return Map.of();
        }
    }
}
