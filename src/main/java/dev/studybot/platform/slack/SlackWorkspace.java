package dev.studybot.platform.slack;

import java.util.Optional;

/**
 * A Slack workspace as studybot names it in channel and workspace references: its team id, and
 * on Enterprise Grid its organisation's id before it ({@code E0123/T0456}), so that a scheduled
 * post finds the installation that serves it. A single-workspace bot names workspaces by team
 * id alone, as it always has.
 */
record SlackWorkspace(Optional<String> enterprise, String team) {
    private static final char SEPARATOR = '/';

    SlackWorkspace {
        enterprise = enterprise == null ? Optional.empty() : enterprise.filter(e -> !e.isBlank());
        if (team == null || team.isBlank()) {
            throw new IllegalArgumentException("a Slack workspace needs its team id");
        }
    }

    static SlackWorkspace of(String enterprise, String team) {
        return new SlackWorkspace(Optional.ofNullable(enterprise), team);
    }

    /** The reference a workspace key stands for; a key without an organisation is a team id. */
    static SlackWorkspace parse(String key) {
        int at = key.indexOf(SEPARATOR);
        return at < 0 ? new SlackWorkspace(Optional.empty(), key) : new SlackWorkspace(Optional.of(key.substring(0, at)), key.substring(at + 1));
    }

    /** The key of references: with the organisation when {@code withEnterprise} (distributed) and there is one. */
    String key(boolean withEnterprise) {
        return withEnterprise && enterprise.isPresent() ? enterprise.get() + SEPARATOR + team : team;
    }
}
