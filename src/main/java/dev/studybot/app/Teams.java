package dev.studybot.app;

import dev.studybot.domain.Team;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.Response;
import dev.studybot.port.out.TeamStore;
import java.util.Optional;

/** Teams for competitions: create, join, leave, list. A member is in one team at a time. */
public final class Teams {
    private final TeamStore teams;

    public Teams(TeamStore teams) {
        this.teams = teams;
    }

    public Response create(Command command, String rawName) {
        String problem = Texts.nameProblem("Team", rawName);
        if (problem != null) {
            return Response.toAsker(new Reply.Error(problem));
        }
        String name = Texts.normalName(rawName);
        WorkspaceRef ws = command.channel().workspaceRef();
        Optional<Team> created = teams.create(ws, name);
        if (created.isEmpty()) {
            return Response.toAsker(new Reply.Error("A team called '" + name + "' already exists; join it with /study team join " + name + "."));
        }
        teams.join(created.get(), command.actor().userId());
        return Response.toChannel(new Reply.Notice(command.actor().displayName() + " created team " + name + " and joined it."));
    }

    public Response join(Command command, String rawName) {
        WorkspaceRef ws = command.channel().workspaceRef();
        String name = Texts.normalName(rawName);
        Optional<Team> team = teams.find(ws, name);
        if (team.isEmpty()) {
            return Response.toAsker(new Reply.Error("No team is called '" + Texts.shorten(name, 40) + "'. See /study team list."));
        }
        Optional<Team> current = teams.teamOf(ws, command.actor().userId());
        if (current.isPresent() && current.get().id() == team.get().id()) {
            return Response.toAsker(new Reply.Notice("You are already in team " + team.get().name() + "."));
        }
        teams.join(team.get(), command.actor().userId());
        return Response.toChannel(new Reply.Notice(command.actor().displayName() + " joined team " + team.get().name()
                + current.map(c -> " (leaving " + c.name() + ")").orElse("") + "."));
    }

    public Response leave(Command command) {
        WorkspaceRef ws = command.channel().workspaceRef();
        Optional<Team> current = teams.teamOf(ws, command.actor().userId());
        if (current.isEmpty() || !teams.leave(ws, command.actor().userId())) {
            return Response.toAsker(new Reply.Error("You are not in a team."));
        }
        return Response.toAsker(new Reply.Notice("You left team " + current.get().name() + "."));
    }

    public Response list(Command command) {
        return Response.toAsker(new Reply.Teams(teams.list(command.channel().workspaceRef()).stream()
                .map(t -> new Reply.Teams.TeamLine(t.team().name(), t.members()))
                .toList()));
    }
}
