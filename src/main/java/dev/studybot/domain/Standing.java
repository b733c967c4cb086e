package dev.studybot.domain;

/**
 * One row of a leaderboard: a member or a team. For teams, {@code members} is the member count and
 * {@code average} the points per member; for members, {@code members} is 1.
 */
public record Standing(int rank, String id, String name, long points, long answers, int members, double average) {
}
