package dev.studybot.store;

import dev.studybot.domain.Standing;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.LeaderboardQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Standings in portable SQL. All-time boards read the running member totals; windowed ones sum
 * the (workspace, time, user, points) index without touching the table. Team boards take the
 * per-member figures first and then join the few team memberships.
 */
public final class SqlLeaderboardQuery implements LeaderboardQuery {
    private final Jdbc jdbc;

    public SqlLeaderboardQuery(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(String id, String name, long points, long answers, int members) {
    }

    @Override
    public List<Standing> members(WorkspaceRef workspace, Instant from, Instant to, int limit) {
        boolean allTime = from.equals(Instant.EPOCH);
        if (allTime) {
            return ranked(jdbc.list("SELECT t.user_id, COALESCE(m.display_name, t.user_id), t.points, t.answers FROM member_totals t "
                            + "LEFT JOIN members m ON m.workspace = t.workspace AND m.user_id = t.user_id "
                            + "WHERE t.workspace = ? AND (t.points <> 0 OR t.answers <> 0) ORDER BY t.points DESC, t.user_id LIMIT ?",
                    rs -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), 1), workspace.key(), limit));
        }
        String window = " AND s.scored_at >= ? AND s.scored_at < ?";
        Object[] args = {workspace.key(), from.toEpochMilli(), to.toEpochMilli(), limit, workspace.key()};
        List<Row> rows = jdbc.list("SELECT b.user_id, COALESCE(m.display_name, b.user_id), b.points, b.answers FROM ("
                        + "SELECT s.user_id, SUM(s.points) AS points, SUM(s.answered) AS answers FROM submissions s "
                        + "WHERE s.workspace = ?" + window + " GROUP BY s.user_id ORDER BY points DESC, s.user_id LIMIT ?) b "
                        + "LEFT JOIN members m ON m.workspace = ? AND m.user_id = b.user_id "
                        + "ORDER BY b.points DESC, b.user_id",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), 1), args);
        return ranked(rows);
    }

    @Override
    public List<Standing> teams(WorkspaceRef workspace, Instant from, Instant to, int limit) {
        boolean allTime = from.equals(Instant.EPOCH);
        String perMember = allTime
                ? "SELECT user_id, points, answers FROM member_totals WHERE workspace = ?"
                : "SELECT user_id, SUM(points) AS points, SUM(answered) AS answers FROM submissions "
                        + "WHERE workspace = ? AND scored_at >= ? AND scored_at < ? GROUP BY user_id";
        List<Object> args = new ArrayList<>(List.of(workspace.key()));
        if (!allTime) {
            args.add(from.toEpochMilli());
            args.add(to.toEpochMilli());
        }
        args.add(workspace.key());
        args.add(limit);
        // per member first (the running totals, or an index-only sum over the window), then per team
        List<Row> rows = jdbc.list("SELECT t.id, t.name, COALESCE(SUM(b.points), 0) AS points, COALESCE(SUM(b.answers), 0) AS answers, "
                        + "COUNT(m.user_id) AS members "
                        + "FROM teams t JOIN team_members m ON m.team_id = t.id "
                        + "LEFT JOIN (" + perMember + ") b ON b.user_id = m.user_id "
                        + "WHERE t.workspace = ? GROUP BY t.id, t.name ORDER BY points DESC, t.name LIMIT ?",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5)), args.toArray());
        return ranked(rows);
    }

    @Override
    public MemberTotals totals(WorkspaceRef workspace, String userId) {
        List<TopicAccuracy> topics = new ArrayList<>();
        long[] sums = new long[2];
        jdbc.list("SELECT topic, SUM(points), COUNT(answer), SUM(CASE WHEN answer IS NULL OR key_points = 0 THEN 0.0 "
                        + "ELSE 1.0 * covered / key_points END) FROM submissions WHERE workspace = ? AND user_id = ? GROUP BY topic ORDER BY topic",
                rs -> {
                    long answers = rs.getLong(3);
                    sums[0] += rs.getLong(2);
                    sums[1] += answers;
                    if (answers > 0) {
                        topics.add(new TopicAccuracy(rs.getString(1), answers, rs.getDouble(4) / answers));
                    }
                    return null;
                }, workspace.key(), userId);
        return new MemberTotals(sums[0], sums[1], topics);
    }

    @Override
    public List<Scored> history(WorkspaceRef workspace, String userId, Instant from) {
        return jdbc.list("SELECT scored_at, points, answered FROM submissions WHERE workspace = ? AND user_id = ? AND scored_at >= ? "
                        + "ORDER BY scored_at, post_id",
                rs -> new Scored(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2), rs.getInt(3) != 0), workspace.key(), userId,
                from.toEpochMilli());
    }

    /** Equal points share a rank (1, 2, 2, 4). */
    private static List<Standing> ranked(List<Row> rows) {
        return Standing.ranked(rows.stream().map(r -> new Standing(0, r.id(), r.name(), r.points(), r.answers(), r.members(),
                r.members() == 0 ? 0 : (double) r.points() / r.members())).toList());
    }
}
