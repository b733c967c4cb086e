package dev.studybot.support.memory;

import dev.studybot.domain.Standing;
import dev.studybot.domain.Submission;
import dev.studybot.domain.Team;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.LeaderboardQuery;
import dev.studybot.port.out.MemberStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands for {@code SqlLeaderboardQuery}, read off the other fakes. A window starting at the epoch
 * is all time and reads the running totals, leaving out members whose totals are both zero; other
 * windows sum the rows scored in [from, to), zero rows included. Team boards list only teams with
 * members. Best first, ties by member id or team name; equal points share a rank (1, 2, 2, 4).
 */
public final class MemoryLeaderboardQuery implements LeaderboardQuery {
    private record Row(String id, String name, long points, long answers, int members) {
    }

    private static final Comparator<Row> BEST_FIRST = Comparator.comparingLong(Row::points).reversed()
            .thenComparing(Row::id, Columns.BINARY);

    private final MemorySubmissionStore submissions;
    private final MemberStore members;
    private final MemoryTeamStore teams;

    public MemoryLeaderboardQuery(MemorySubmissionStore submissions, MemberStore members, MemoryTeamStore teams) {
        this.submissions = submissions;
        this.members = members;
        this.teams = teams;
    }

    @Override
    public List<Standing> members(WorkspaceRef workspace, Instant from, Instant to, int limit) {
        Map<String, MemorySubmissionStore.Totals> perMember = perMember(workspace, from, to);
        boolean allTime = from.equals(Instant.EPOCH);
        List<Row> rows = perMember.entrySet().stream()
                .filter(e -> !allTime || e.getValue().points() != 0 || e.getValue().answers() != 0)
                .map(e -> new Row(e.getKey(), members.displayName(workspace, e.getKey()).orElse(e.getKey()),
                        e.getValue().points(), e.getValue().answers(), 1))
                .sorted(BEST_FIRST).limit(limit).toList();
        return ranked(rows);
    }

    @Override
    public List<Standing> teams(WorkspaceRef workspace, Instant from, Instant to, int limit) {
        Map<String, MemorySubmissionStore.Totals> perMember = perMember(workspace, from, to);
        List<Row> rows = new ArrayList<>();
        for (Team team : teams.teams(workspace)) {
            List<String> users = teams.members(workspace, team.id());
            if (users.isEmpty()) {
                continue;
            }
            long points = 0;
            long answers = 0;
            for (String user : users) {
                MemorySubmissionStore.Totals t = perMember.get(user);
                points += t == null ? 0 : t.points();
                answers += t == null ? 0 : t.answers();
            }
            rows.add(new Row(Long.toString(team.id()), team.name(), points, answers, users.size()));
        }
        return ranked(rows.stream().sorted(Comparator.comparingLong(Row::points).reversed()
                .thenComparing(Row::name, Columns.BINARY)).limit(limit).toList());
    }

    @Override
    public MemberTotals totals(WorkspaceRef workspace, String userId) {
        Map<String, TopicSums> byTopic = new TreeMap<>(Columns.BINARY);
        for (MemorySubmissionStore.Row row : submissions.rows(workspace)) {
            if (row.submission().userId().equals(userId)) {
                byTopic.computeIfAbsent(row.topic(), t -> new TopicSums()).add(row.submission());
            }
        }
        long points = 0;
        long answers = 0;
        List<TopicAccuracy> topics = new ArrayList<>();
        for (Map.Entry<String, TopicSums> e : byTopic.entrySet()) {
            TopicSums t = e.getValue();
            points += t.points;
            answers += t.answers;
            if (t.answers > 0) {
                topics.add(new TopicAccuracy(e.getKey(), t.answers, t.coverage / t.answers));
            }
        }
        return new MemberTotals(points, answers, topics);
    }

    @Override
    public List<Scored> history(WorkspaceRef workspace, String userId, Instant from) {
        return submissions.rows(workspace).stream()
                .filter(r -> r.submission().userId().equals(userId) && r.scoredAt() >= from.toEpochMilli())
                .sorted(Comparator.comparingLong(MemorySubmissionStore.Row::scoredAt))
                .map(r -> new Scored(Instant.ofEpochMilli(r.scoredAt()), r.submission().points(), r.submission().answered()))
                .toList();
    }

    /** One topic's sums: points of every row, and over the answered rows their count and share of key points covered. */
    private static final class TopicSums {
        long points;
        long answers;
        double coverage;

        void add(Submission s) {
            points += s.points();
            if (s.answered()) {
                answers++;
                coverage += s.keyPointCount() == 0 ? 0.0 : 1.0 * s.covered() / s.keyPointCount();
            }
        }
    }

    /** Points and answers per member: the running totals for all time, else the rows scored in the window. */
    private Map<String, MemorySubmissionStore.Totals> perMember(WorkspaceRef workspace, Instant from, Instant to) {
        if (from.equals(Instant.EPOCH)) {
            return submissions.totals(workspace);
        }
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        Map<String, MemorySubmissionStore.Totals> sums = new HashMap<>();
        for (MemorySubmissionStore.Row row : submissions.rows(workspace)) {
            if (row.scoredAt() >= start && row.scoredAt() < end) {
                Submission s = row.submission();
                sums.merge(s.userId(), new MemorySubmissionStore.Totals(s.points(), s.answered() ? 1 : 0),
                        (a, b) -> new MemorySubmissionStore.Totals(a.points() + b.points(), a.answers() + b.answers()));
            }
        }
        return sums;
    }

    private static List<Standing> ranked(List<Row> rows) {
        return Standing.ranked(rows.stream().map(r -> new Standing(0, r.id(), r.name(), r.points(), r.answers(), r.members(),
                r.members() == 0 ? 0 : (double) r.points() / r.members())).toList());
    }
}
