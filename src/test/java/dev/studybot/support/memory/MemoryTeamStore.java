package dev.studybot.support.memory;

import dev.studybot.domain.Team;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.StoreException;
import dev.studybot.port.out.TeamStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stands for {@code SqlTeamStore}: teams by id, a name unique per workspace in lower case, and one
 * membership per (workspace, member), so joining a team leaves the previous one. Ids are never
 * reused, and a create refused for a taken name still uses one up, as SQLite's AUTOINCREMENT does
 * under {@code ON CONFLICT DO NOTHING}.
 */
public final class MemoryTeamStore implements TeamStore {
    private final Map<Long, Team> teams = new TreeMap<>();
    private final Map<String, Map<String, Long>> memberships = new HashMap<>();
    private long lastId;

    @Override
    public synchronized Optional<Team> create(WorkspaceRef workspace, String name) {
        long id = ++lastId;
        if (find(workspace, name).isPresent()) {
            return Optional.empty();
        }
        Team team = new Team(id, workspace, name);
        teams.put(team.id(), team);
        return Optional.of(team);
    }

    @Override
    public synchronized Optional<Team> find(WorkspaceRef workspace, String name) {
        return inWorkspace(workspace).stream().filter(t -> key(t.name()).equals(key(name))).findFirst();
    }

    @Override
    public synchronized Optional<Team> teamOf(WorkspaceRef workspace, String userId) {
        return Optional.ofNullable(membersOf(workspace).get(userId)).map(teams::get)
                .map(t -> new Team(t.id(), workspace, t.name()));
    }

    @Override
    public synchronized void join(Team team, String userId) {
        if (!teams.containsKey(team.id())) {
            // the foreign key from team_members to teams
            throw new StoreException("FOREIGN KEY constraint failed", false, null);
        }
        memberships.computeIfAbsent(team.workspace().key(), k -> new HashMap<>()).put(userId, team.id());
    }

    @Override
    public synchronized boolean leave(WorkspaceRef workspace, String userId) {
        Map<String, Long> members = memberships.get(workspace.key());
        return members != null && members.remove(userId) != null;
    }

    @Override
    public synchronized List<TeamSize> list(WorkspaceRef workspace) {
        return inWorkspace(workspace).stream()
                .sorted(Comparator.comparing((Team t) -> key(t.name()), Columns.BINARY))
                .map(t -> new TeamSize(t, members(workspace, t.id()).size()))
                .filter(t -> t.members() > 0)
                .toList();
    }

    /** The workspace's teams in id order, for the leaderboards. */
    synchronized List<Team> teams(WorkspaceRef workspace) {
        return inWorkspace(workspace);
    }

    /** The members of one team of the workspace, for the leaderboards. */
    synchronized List<String> members(WorkspaceRef workspace, long teamId) {
        List<String> out = new ArrayList<>();
        membersOf(workspace).forEach((user, team) -> {
            if (team == teamId) {
                out.add(user);
            }
        });
        return out;
    }

    private List<Team> inWorkspace(WorkspaceRef workspace) {
        return teams.values().stream().filter(t -> t.workspace().equals(workspace)).toList();
    }

    private Map<String, Long> membersOf(WorkspaceRef workspace) {
        return memberships.getOrDefault(workspace.key(), Map.of());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
