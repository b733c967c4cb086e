package dev.studybot.domain;

/** A team in one workspace. */
public record Team(long id, WorkspaceRef workspace, String name) {
}
