package dev.studybot.app;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Post;
import dev.studybot.domain.Question;
import dev.studybot.domain.Submission;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.out.PostStore;
import dev.studybot.port.out.SubmissionStore;
import dev.studybot.port.out.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Answers and reveals. Today's question earns 1 point for answering, up to 10 for coverage and a
 * streak bonus; resubmitting replaces the last answer until the member reveals or the post closes.
 * Revealing before answering forfeits the points; answers after that are practice. Every graded
 * answer also updates the member's memory state of the question (see {@link Memories}).
 */
public final class Answers {
    static final int STREAK_BONUS_CAP = 5;
    static final String CLOSED = "this question is closed; answers now are practice";

    private final Clock clock;
    private final Settings settings;
    private final Decks decks;
    private final PostStore posts;
    private final SubmissionStore submissions;
    private final Grader grader;
    private final Memories memories;
    private final Streaks streaks;
    private final Telemetry telemetry;
    private final Closing closing;

    public Answers(Clock clock, Settings settings, Decks decks, PostStore posts, SubmissionStore submissions, Grader grader,
                   Memories memories) {
        this(clock, settings, decks, posts, submissions, grader, memories, Telemetry.NONE);
    }

    public Answers(Clock clock, Settings settings, Decks decks, PostStore posts, SubmissionStore submissions, Grader grader,
                   Memories memories, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.clock = clock;
        this.settings = settings;
        this.decks = decks;
        this.posts = posts;
        this.submissions = submissions;
        this.grader = grader;
        this.memories = memories;
        this.streaks = new Streaks(posts, submissions);
        this.closing = new Closing(clock, settings, posts);
    }

    public Reply answer(Command command, Action.Answer action) {
        Optional<String> text = action.text();
        Optional<Long> postId = action.postId();
        Optional<Post> target = postId.isPresent() ? target(command.channel(), postId)
                : posts.open(command.channel()).or(() -> posts.latest(command.channel()));
        if (target.isEmpty()) {
            return new Reply.Error(postId.isPresent()
                    ? "That post is not in this workspace."
                    : "No question has been posted in this channel yet. Try /study random for practice.");
        }
        Post post = target.get();
        Optional<Question> question = decks.bank(command.channel().workspaceRef()).byId(post.questionId());
        if (question.isEmpty()) {
            return new Reply.Error("The question of that post, " + post.questionId() + ", is no longer in the bank.");
        }
        if (action.needsForm()) {
            return new Reply.AnswerForm(post.id(), question.get(), settings.maxAnswerLength());
        }
        String answer = text.get().strip();
        Optional<Reply.Error> tooLong = Texts.tooLong(answer, settings.maxAnswerLength());
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        // how long grading takes is measured on the monotonic clock: it is a duration, not a time the logic reads
        long started = System.nanoTime();
        Grader.Grade grade = grader.grade(question.get(), answer);
        telemetry.graded(Duration.ofNanos(System.nanoTime() - started));
        String user = command.actor().userId();
        // every graded answer, for points or practice, is a review of the member's memory of the question
        memories.record(command.channel().workspaceRef(), user, question.get(), grade);
        Optional<Submission> previous = submissions.find(post.id(), user);
        Optional<String> practice = Optional.empty();
        if (closed(post)) {
            // past its close time the answer is practice, whether or not the close job has run, and replaces nothing
            practice = Optional.of(CLOSED);
        } else if (previous.map(Submission::revealed).orElse(false)) {
            practice = Optional.of("you revealed the model answer");
        }
        if (practice.isPresent()) {
            telemetry.answerRecorded(false);
            return graded(question.get(), grade, 0, previous.map(Submission::streak).orElse(0), practice);
        }
        int streak = streaks.endingAt(post, user);
        // an answer that shows nothing of the rubric earns the participation point alone, without the streak bonus
        int bonus = grade.share() > 0 ? Math.min(streak - 1, STREAK_BONUS_CAP) : 0;
        int points = 1 + grade.coveragePoints() + bonus;
        Instant now = clock.instant();
        submissions.save(command.channel().workspaceRef(), question.get().topic(), new Submission(post.id(), user, answer,
                grade.covered().size(), grade.total(), points, streak, now, null, false));
        telemetry.answerRecorded(true);
        return graded(question.get(), grade, points, streak, Optional.empty());
    }

    public Reply reveal(Command command, Optional<String> questionId, Optional<Long> postId) {
        Optional<Post> open = postId.isPresent() ? target(command.channel(), postId) : posts.open(command.channel());
        if (questionId.isPresent() && open.map(p -> !p.questionId().equalsIgnoreCase(questionId.get())).orElse(true)) {
            return decks.bank(command.channel().workspaceRef()).byId(questionId.get())
                    .<Reply>map(q -> new Reply.ModelAnswer(q, false))
                    .orElseGet(() -> new Reply.Error("No question has the id '" + Texts.shorten(questionId.get(), 40) + "'. Try /study search."));
        }
        Optional<Post> post = open.or(() -> posts.latest(command.channel()));
        if (post.isEmpty()) {
            return new Reply.Error("No question has been posted in this channel yet; reveal one by id with /study reveal ID.");
        }
        Optional<Question> question = decks.bank(command.channel().workspaceRef()).byId(post.get().questionId());
        if (question.isEmpty()) {
            return new Reply.Error("The question of that post, " + post.get().questionId() + ", is no longer in the bank.");
        }
        boolean forfeited = false;
        if (!closed(post.get())) {
            String user = command.actor().userId();
            Optional<Submission> previous = submissions.find(post.get().id(), user);
            if (previous.isEmpty()) {
                forfeited = true;
                submissions.save(command.channel().workspaceRef(), question.get().topic(),
                        new Submission(post.get().id(), user, null, 0, question.get().keyPoints().size(), 0, 0, null, clock.instant(), true));
            } else if (!previous.get().revealed()) {
                Submission s = previous.get();
                submissions.save(command.channel().workspaceRef(), question.get().topic(), new Submission(s.postId(), s.userId(), s.answer(),
                        s.covered(), s.keyPointCount(), s.points(), s.streak(), s.answeredAt(), clock.instant(), s.practice()));
            }
        }
        List<Reply.ClaimMark> yours = submissions.find(post.get().id(), command.actor().userId())
                .map(Submission::answer).filter(a -> a != null && !a.isBlank())
                .map(a -> marks(grader.grade(question.get(), a))).orElse(List.of());
        return new Reply.ModelAnswer(question.get(), forfeited, yours);
    }

    /** Each claim of a grade, as the reveal shows it to the member who answered. */
    private static List<Reply.ClaimMark> marks(Grader.Grade grade) {
        return grade.claims().stream().map(c -> new Reply.ClaimMark(c.point().claim(), switch (c.status()) {
            case COVERED -> Reply.ClaimMark.Mark.COVERED;
            case MISSED -> Reply.ClaimMark.Mark.MISSED;
            case CONTRADICTED -> Reply.ClaimMark.Mark.CONTRADICTED;
        }, c.reason())).toList();
    }

    /** {@code /study today}: the channel's newest post, saying whether it is closed, or that its question left the bank. */
    public Reply today(Command command) {
        Optional<Post> latest = posts.latest(command.channel());
        if (latest.isEmpty()) {
            return new Reply.Notice(
                    "No question has been posted in this channel yet. An admin can set a schedule with /study schedule set, or try /study random.");
        }
        Post post = latest.get();
        Optional<Question> question = decks.bank(command.channel().workspaceRef()).byId(post.questionId());
        if (question.isEmpty()) {
            return new Reply.Notice("The question posted here last, " + post.questionId()
                    + ", is no longer in the bank, so it cannot be shown or answered. Try /study random for practice.");
        }
        return new Reply.QuestionCard(question.get(), Optional.of(post.id()), false, closed(post));
    }

    /** Whether a post is closed, by {@link Closing}'s rule. */
    boolean closed(Post post) {
        return closing.closed(post);
    }

    /** The post an answer or reveal is about: the one named (same workspace), else the channel's open one. */
    private Optional<Post> target(ChannelRef channel, Optional<Long> postId) {
        if (postId.isPresent()) {
            return posts.byId(postId.get()).filter(p -> p.channel().workspaceRef().equals(channel.workspaceRef()));
        }
        return posts.open(channel);
    }

    private static Reply.Graded graded(Question q, Grader.Grade grade, int points, int streak, Optional<String> practice) {
        // while the question is open, only what each claim is about: its phrasings and wording stay hidden until close or reveal
        return new Reply.Graded(q, grade.covered().stream().map(KeyPoint::subject).toList(),
                grade.claims().stream().filter(c -> c.status() == Grader.Status.MISSED).map(c -> c.point().subject()).toList(),
                grade.contradicted().stream().map(KeyPoint::subject).toList(),
                points, streak, practice.isPresent(), practice);
    }
}
