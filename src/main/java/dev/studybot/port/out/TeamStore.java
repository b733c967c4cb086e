package dev.studybot.port.out;

import dev.studybot.domain.Team;
import dev.studybot.domain.WorkspaceRef;
import java.util.List;
import java.util.Optional;

/** Teams of a workspace; a member is in at most one. Names are unique, case-insensitive. */
public interface TeamStore {
    /** Empty when the name is taken. */
    Optional<Team> create(WorkspaceRef workspace, String name);

    Optional<Team> find(WorkspaceRef workspace, String name);

    Optional<Team> teamOf(WorkspaceRef workspace, String userId);

    /** Puts the member in the team, leaving any other. */
    void join(Team team, String userId);

    /** Takes the member out of their team; false when they were in none. */
    boolean leave(WorkspaceRef workspace, String userId);

    /** Teams that have members, with their member counts, by name: a team nobody is in is not listed. */
    List<TeamSize> list(WorkspaceRef workspace);

    /** A team and how many members it has. */
    record TeamSize(Team team, int members) {
    }
}
