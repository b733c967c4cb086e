package dev.studybot.app;

import dev.studybot.domain.Team;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Command;
import dev.studybot.port.out.TeamStore;
import java.util.Optional;

/** Teams for competitions: create, join, leave, list. A member is in one team at a time. */
public final class Teams {
    private final TeamStore teams;

    public Teams(TeamStore teams) {
        this.teams = teams;
    }

    public Reply create(Command command, String rawName) {
        String problem = Texts.nameProblem("Team", rawName);
        if (problem != null) {
            return new Reply.Error(problem);
        }
        String name = Texts.normalName(rawName);
        WorkspaceRef ws = command.channel().workspaceRef();
        Optional<Team> created = teams.create(ws, name);
        if (created.isEmpty()) {
            return new Reply.Error("A team called '" + name + "' already exists; join it with /study team join " + name + ".");
        }
        Optional<Team> previous = teams.teamOf(ws, command.actor().userId());
        teams.join(created.get(), command.actor().userId());
        return new Reply.Notice(command.actor().displayName() + " created team " + name + " and joined it"
                + previous.map(p -> " (leaving " + p.name() + ")").orElse("") + ".");
    }

    public Reply join(Command command, String rawName) {
        WorkspaceRef ws = command.channel().workspaceRef();
        String name = Texts.normalName(rawName);
        Optional<Team> team = teams.find(ws, name);
        if (team.isEmpty()) {
            return new Reply.Error("No team is called '" + Texts.shorten(name, 40) + "'."
                    + Suggestions.closest(name, teams.list(ws).stream().map(t -> t.team().name()).toList())
                    .map(s -> " Did you mean " + s + "?").orElse("") + " See /study team list.");
        }
        Optional<Team> current = teams.teamOf(ws, command.actor().userId());
        if (current.isPresent() && current.get().id() == team.get().id()) {
            return new Reply.Notice("You are already in team " + team.get().name() + ".");
        }
        teams.join(team.get(), command.actor().userId());
        return new Reply.Notice(command.actor().displayName() + " joined team " + team.get().name()
                + current.map(c -> " (leaving " + c.name() + ")").orElse("") + ".");
    }

    public Reply leave(Command command) {
        WorkspaceRef ws = command.channel().workspaceRef();
        Optional<Team> current = teams.teamOf(ws, command.actor().userId());
        if (current.isEmpty() || !teams.leave(ws, command.actor().userId())) {
            return new Reply.Error("You are not in a team.");
        }
        return new Reply.Notice("You left team " + current.get().name() + ".");
    }

    public Reply list(Command command) {
        return new Reply.Teams(teams.list(command.channel().workspaceRef()).stream()
                .map(t -> new Reply.Teams.TeamLine(t.team().name(), t.members()))
                .toList());
    }
}
