package dev.studybot.app;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.MemoryState;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Submission;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.in.Command;
import dev.studybot.port.out.PostStore;
import dev.studybot.port.out.QuestionBank;
import dev.studybot.port.out.SubmissionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Mastery by topic: the share of a topic's questions a member would recall today, as the mean
 * FSRS retrievability over all the topic's questions in the bank, a question never graded, or
 * whose last graded answer was rated again (forgotten until answered better), counting as not
 * recalled (0). A channel's mastery is the mean of its members' masteries.
 * This is what a progress chart would draw: {@link #progress} per member, {@link #channel} per channel.
 */
public final class Mastery {
    static final int WEAKEST = 3;
    /** How many of a channel's latest posts say who its members are. */
    private static final int LOOKBACK = 400;

    private final Clock clock;
    private final Decks decks;
    private final Memories memories;
    private final PostStore posts;
    private final SubmissionStore submissions;

    public Mastery(Clock clock, Decks decks, Memories memories, PostStore posts, SubmissionStore submissions) {
        this.clock = clock;
        this.decks = decks;
        this.memories = memories;
        this.posts = posts;
        this.submissions = submissions;
    }

    /** The member's progress: mastery of every topic started, the weakest of them, and how many reviews are due. */
    Reply.Progress progress(WorkspaceRef workspace, String userId) {
        Instant now = clock.instant();
        List<MemoryState> states = memories.of(workspace, userId);
        QuestionBank bank = decks.bank(workspace);
        Map<String, double[]> byTopic = sums(bank, states, now);
        Map<String, List<Question>> topics = topics(bank);
        List<Reply.TopicMastery> started = topics.entrySet().stream()
                .filter(e -> byTopic.containsKey(e.getKey()))
                .map(e -> line(e.getKey(), e.getValue().size(), byTopic.get(e.getKey())))
                .toList();
        List<String> weakest = started.stream()
                .sorted(Comparator.comparingInt(Reply.TopicMastery::percent).thenComparing(Reply.TopicMastery::topic))
                .limit(WEAKEST).map(Reply.TopicMastery::topic).toList();
        return new Reply.Progress(started, weakest, memories.due(states, now).size(), topics.size() - started.size());
    }

    /**
     * The channel's mastery for an admin: over the members who answered any of its recent posts,
     * per topic any of them started, the mean of their masteries; {@code seen} counts the topic's
     * questions graded for at least one of them. No one's answers or names are in it.
     */
    public Reply channel(Command command) {
        ChannelRef channel = command.channel();
        Set<String> members = new TreeSet<>();
        for (long postId : posts.recent(channel, LOOKBACK)) {
            submissions.forPost(postId).stream().filter(s -> s.answer() != null).map(Submission::userId).forEach(members::add);
        }
        Instant now = clock.instant();
        QuestionBank bank = decks.bank(channel.workspaceRef());
        Map<String, Double> recall = new HashMap<>();
        Map<String, Set<String>> seen = new HashMap<>();
        for (String member : members) {
            for (MemoryState s : memories.of(channel.workspaceRef(), member)) {
                bank.byId(s.questionId()).ifPresent(q -> {
                    recall.merge(q.topic(), memories.mastered(s, now), Double::sum);
                    seen.computeIfAbsent(q.topic(), t -> new HashSet<>()).add(q.id());
                });
            }
        }
        List<Reply.TopicMastery> lines = new ArrayList<>();
        topics(bank).forEach((topic, questions) -> {
            if (seen.containsKey(topic)) {
                lines.add(new Reply.TopicMastery(topic, questions.size(), seen.get(topic).size(),
                        percent(recall.get(topic) / (questions.size() * (double) members.size()))));
            }
        });
        return new Reply.ChannelMastery(members.size(), lines);
    }

    /** Per topic of the member's states: the sum of recall now and the number seen. */
    private Map<String, double[]> sums(QuestionBank bank, List<MemoryState> states, Instant now) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (MemoryState s : states) {
            bank.byId(s.questionId()).ifPresent(q -> {
                double[] sum = out.computeIfAbsent(q.topic(), t -> new double[2]);
                sum[0] += memories.mastered(s, now);
                sum[1]++;
            });
        }
        return out;
    }

    private static Map<String, List<Question>> topics(QuestionBank bank) {
        return bank.all().stream().collect(Collectors.groupingBy(Question::topic, TreeMap::new, Collectors.toList()));
    }

    private static Reply.TopicMastery line(String topic, int questions, double[] sum) {
        return new Reply.TopicMastery(topic, questions, (int) sum[1], percent(sum[0] / questions));
    }

    private static int percent(double share) {
        return (int) Math.round(100 * share);
    }
}
