package dev.studybot.domain;

/**
 * One row of a leaderboard: a member or a team. For teams, {@code members} is the member count and
 * {@code average} the points per member; for members, {@code members} is 1.
 */
public record Standing(int rank, String id, String name, long points, long answers, int members, double average) {

    /**
     * The one tie rule of every ranking: for points in descending order, equal points share a rank
     * and the next rank skips (1, 2, 2, 4).
     */
    public static int[] ranks(long[] descendingPoints) {
        int[] ranks = new int[descendingPoints.length];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = i > 0 && descendingPoints[i - 1] == descendingPoints[i] ? ranks[i - 1] : i + 1;
        }
        return ranks;
    }
}
