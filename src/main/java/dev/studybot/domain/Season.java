package dev.studybot.domain;

import java.time.Instant;
import java.util.Optional;

/** A named competition window in one workspace; open while {@code endedAt} is empty. */
public record Season(long id, WorkspaceRef workspace, String name, Instant startedAt, Optional<Instant> endedAt) {
}
