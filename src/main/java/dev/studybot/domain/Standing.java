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
        return rankOf(descendingPoints);
    }

    /** Standings in descending order of points, each given its rank by {@link #ranks}. */
    public static java.util.List<Standing> ranked(java.util.List<Standing> descending) {
        int[] ranks = rankOf(descending.stream().mapToLong(Standing::points).toArray());
        java.util.List<Standing> out = new java.util.ArrayList<>();
        for (int i = 0; i < ranks.length; i++) {
            Standing s = descending.get(i);
            out.add(new Standing(ranks[i], s.id(), s.name(), s.points(), s.answers(), s.members(), s.average()));
        }
        return java.util.List.copyOf(out);
    }

    private static int[] rankOf(long[] descendingPoints) {
        int[] ranks = new int[descendingPoints.length];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = i > 0 && descendingPoints[i - 1] == descendingPoints[i] ? ranks[i - 1] : i + 1;
        }
        return ranks;
    }
}
