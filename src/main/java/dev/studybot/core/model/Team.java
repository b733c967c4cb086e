package dev.studybot.core.model;

/** A team in one workspace. */
public record Team(long id, WorkspaceRef workspace, String name) {
}
