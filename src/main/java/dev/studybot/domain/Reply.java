package dev.studybot.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the bot says, as data. {@code MarkupRenderer} gives every type its words in an exhaustive
 * {@code switch}, so a new reply type fails the build until it is worded. Text fields hold what users
 * or the bank wrote; renderers escape it for their platform.
 */
public sealed interface Reply {

    /** The chart that goes with the reply, if it has one; the text never depends on it, so a platform that refuses it still says everything. */
    default Optional<Picture> picture() {
        return Optional.empty();
    }

    /** The commands, briefly. */
    record Help(List<HelpLine> lines) implements Reply {
        public record HelpLine(String usage, String description, boolean adminOnly) {
        }
    }

    /**
     * A question with its answer hidden. A card with a {@code postId} belongs to a channel post and
     * gets the Answer and Reveal buttons; {@code daily} marks the scheduled post itself; {@code closed}
     * a post whose close time has passed, so answers to it are practice.
     */
    record QuestionCard(Question question, Optional<Long> postId, boolean daily, boolean closed) implements Reply {
        public QuestionCard(Question question, Optional<Long> postId, boolean daily) {
            this(question, postId, daily, false);
        }
    }

    /**
     * The model answer, for the asker only. {@code forfeited}: revealed before answering today's
     * question; {@code yours}: how the asker's own answer fared on each claim, when they answered.
     */
    record ModelAnswer(Question question, boolean forfeited, List<ClaimMark> yours) implements Reply {
        public ModelAnswer {
            yours = List.copyOf(yours);
        }

        public ModelAnswer(Question question, boolean forfeited) {
            this(question, forfeited, List.of());
        }
    }

    /** One rubric claim and whether an answer covered it, contradicted it, or missed it, with the judge's reason if any. */
    record ClaimMark(String claim, Mark mark, Optional<String> reason) {
        /** How an answer fared on a claim. */
        public enum Mark {
            COVERED, MISSED, CONTRADICTED
        }
    }

    /** Asks the member for an answer (a modal on Discord and Slack). */
    record AnswerForm(long postId, Question question, int maxLength) implements Reply {
    }

    /**
     * A graded answer while its question is open: the subjects of the claims it covered, of those
     * it missed, and of those it contradicted (a stated misconception); never the claims themselves.
     */
    record Graded(Question question, List<String> covered, List<String> missed, List<String> contradicted, int points,
                  int streak, boolean practice, Optional<String> practiceReason) implements Reply {
        public Graded {
            covered = List.copyOf(covered);
            missed = List.copyOf(missed);
            contradicted = List.copyOf(contradicted);
        }

        public Graded(Question question, List<String> covered, List<String> missed, int points, int streak, boolean practice,
                      Optional<String> practiceReason) {
            this(question, covered, missed, List.of(), points, streak, practice, practiceReason);
        }
    }

    /** Posted in a post's thread at close: the model answer and who scored what, with the week's leaderboard chart. */
    record Results(Question question, List<ResultLine> lines, Optional<Picture> picture) implements Reply {
        public Results(Question question, List<ResultLine> lines) {
            this(question, lines, Optional.empty());
        }

        public record ResultLine(String member, int covered, int keyPoints, int points, boolean revealedFirst) {
        }
    }

    record SearchResults(String words, List<SearchHit> hits) implements Reply {
    }

    record Topics(List<TopicCount> topics) implements Reply {
    }

    /** Standings; {@code season} names the season for {@link Period#SEASON}; {@code picture} is the chart, when asked for. */
    record Leaderboard(Period period, boolean teams, Optional<String> season, List<Standing> standings,
                       Optional<Picture> picture) implements Reply {
    }

    /**
     * A member's stats: points, answers, streak and coverage per topic; in the member's own stats
     * only, {@code progress}: what spaced repetition says they would recall today; {@code picture}
     * charts their points and answers by week.
     */
    record Stats(String member, long points, long answers, int streak, Optional<String> team,
                 List<TopicLine> topics, Optional<Progress> progress, Optional<Picture> picture) implements Reply {
        public Stats {
            topics = List.copyOf(topics);
            progress = progress == null ? Optional.empty() : progress;
            picture = picture == null ? Optional.empty() : picture;
        }

        public Stats(String member, long points, long answers, int streak, Optional<String> team, List<TopicLine> topics) {
            this(member, points, answers, streak, team, topics, Optional.empty(), Optional.empty());
        }

        public record TopicLine(String topic, long answers, int coveragePercent) {
        }
    }

    /**
     * A member's mastery: per topic of the bank they have answered in, the expected share of its
     * questions recalled today; {@code weakest}, the topics to review first; {@code due}, how many
     * reviews are due now; {@code unseen}, the topics not started.
     */
    record Progress(List<TopicMastery> topics, List<String> weakest, int due, int unseen) {
        public Progress {
            topics = List.copyOf(topics);
            weakest = List.copyOf(weakest);
        }
    }

    /**
     * One topic's mastery: of its {@code questions}, how many were ever graded ({@code seen}), and
     * the percentage a member would recall today (the mean FSRS retrievability over all of the
     * topic's questions, unseen ones and those last answered with a rating of again counting as not
     * recalled).
     */
    record TopicMastery(String topic, int questions, int seen, int percent) {
    }

    /** A channel's topic mastery for an admin: averaged over the {@code members} who answered here, no one's answers shown. */
    record ChannelMastery(int members, List<TopicMastery> topics) implements Reply {
        public ChannelMastery {
            topics = List.copyOf(topics);
        }
    }

    /**
     * A review, for the asker only: the question, how many are due (it included), the recall FSRS
     * predicts for it now in percent (0 while its last answer showed it forgotten, as mastery counts
     * it); {@code early} when nothing in its topic was due yet.
     */
    record ReviewCard(Question question, int due, int recallPercent, boolean early) implements Reply {
    }

    /** No review is due: how many questions the member's reviews hold, and when the next falls due (shown in {@code zone}). */
    record NothingDue(int tracked, Optional<Instant> next, ZoneId zone) implements Reply {
    }

    /**
     * A graded review, for the asker only: the subjects of the claims covered, missed and
     * contradicted (as {@link Graded}), the rating it counted as, when the question is due again
     * (shown in {@code zone}) and how many reviews are still due. Reviews earn no points.
     */
    record Reviewed(Question question, List<String> covered, List<String> missed, List<String> contradicted, String rating,
                    Instant nextDue, ZoneId zone, int stillDue) implements Reply {
        public Reviewed {
            covered = List.copyOf(covered);
            missed = List.copyOf(missed);
            contradicted = List.copyOf(contradicted);
        }
    }

    /** The daily reminder, in a direct message: how many reviews are due, at most {@code cap} named ({@code more}: there are more). */
    record ReviewReminder(int due, boolean more) implements Reply {
    }

    /** The workspace's seasons, newest first: dates in the workspace's zone, and the winner (the leader, while one runs). */
    record SeasonList(List<SeasonLine> seasons) implements Reply {
        public SeasonList {
            seasons = List.copyOf(seasons);
        }

        public record SeasonLine(String name, LocalDate started, Optional<LocalDate> ended, Optional<String> winner, long winnerPoints) {
        }
    }

    /** A season that just ended: its final standings, posted in the channel, with their chart. */
    record SeasonEnded(String name, LocalDate started, LocalDate ended, List<Standing> standings, Optional<Picture> picture)
            implements Reply {
        public SeasonEnded {
            standings = List.copyOf(standings);
        }
    }

    record Teams(List<TeamLine> teams) implements Reply {
        public record TeamLine(String name, int members) {
        }
    }

    /**
     * A channel's schedule, or none when {@code schedule} is empty; {@code notes} say how what the
     * admin typed was read (an abbreviation as an IANA zone, an offset as a fixed zone).
     */
    record ScheduleInfo(Optional<Schedule> schedule, Optional<Instant> nextPost, List<String> notes) implements Reply {
        public ScheduleInfo {
            notes = List.copyOf(notes);
        }

        public ScheduleInfo(Optional<Schedule> schedule, Optional<Instant> nextPost) {
            this(schedule, nextPost, List.of());
        }
    }

    /**
     * The channel's past questions, newest first: each post's question id and text (empty when the
     * question has left the bank), when it was posted, and the platform's message id to link to.
     * Dates are shown in {@code zone}; {@code open} says the channel has a question open now, which
     * the list leaves out, and a line's {@code openAgain} that its question is that open one (posted
     * again in a new round), whose reveal would forfeit today's points.
     */
    record History(ChannelRef channel, List<HistoryLine> lines, boolean open, ZoneId zone) implements Reply {
        public History {
            lines = List.copyOf(lines);
        }

        public record HistoryLine(String questionId, Optional<String> question, Instant postedAt, Optional<String> messageRef,
                                  boolean openAgain) {
        }
    }

    /**
     * The question form: opened empty ({@code /study question add}) or filled in ({@code edit}),
     * or given back with {@code problems}, each naming the field it is about, when what was typed
     * cannot be stored; nothing was stored then, and the draft keeps every word typed.
     */
    record QuestionForm(QuestionDraft draft, List<FormProblem> problems) implements Reply {
        public QuestionForm {
            java.util.Objects.requireNonNull(draft, "draft");
            problems = List.copyOf(problems);
        }

        /** Whether the form comes back because of problems (else it opens to be filled in). */
        public boolean rejected() {
            return !problems.isEmpty();
        }

        /** One problem of a form, and the field it is about. */
        public record FormProblem(QuestionDraft.Field field, String text) {
        }
    }

    /** The workspace's decks, the built-in bank first, with their question counts. */
    record DeckList(List<DeckLine> decks) implements Reply {
        public DeckList {
            decks = List.copyOf(decks);
        }

        public record DeckLine(String name, boolean builtIn, int questions) {
        }
    }

    /** A deck exported as a bank YAML file, for the asker. */
    record DeckFile(String deck, int questions, Attachment file) implements Reply {
    }

    /** What {@code /study bank reload} did: the bank's counts after it, and each problem as {@code file:line: problem}. */
    record BankReloaded(BankReload reload) implements Reply {
    }

    /**
     * What a question list sent in chat gave, before anything is stored; a report with questions
     * to store gets a Confirm button where the platform has buttons.
     */
    record ImportChecked(ImportReport report) implements Reply {
    }

    /** Asks a member for a question to suggest: question, answer, claims, topic and level (a modal on Discord and Slack), each field's length at most. */
    record SuggestForm(int maxQuestion, int maxAnswer, int maxClaims, int maxTopic, int maxLevel) implements Reply {
    }

    /** The workspace's waiting suggestions, oldest first, each with the workspace's questions it looks like; dates shown in {@code zone}. */
    record SuggestionQueue(List<Queued> suggestions, ZoneId zone) implements Reply {
        public SuggestionQueue {
            suggestions = List.copyOf(suggestions);
        }

        /** One suggestion and its look-alikes: question ids with their similarity, 0 to 1. */
        public record Queued(Suggestion suggestion, List<LookAlike> lookAlikes) {
            public Queued {
                lookAlikes = List.copyOf(lookAlikes);
            }
        }

        public record LookAlike(String id, double similarity) {
        }
    }

    /** A confirmation or a notice, in plain words. */
    record Notice(String text) implements Reply {
    }

    /** A request that could not be done, and why; nothing was changed. */
    record Error(String text) implements Reply {
        /** What the asker is told when something failed unexpectedly, in the core or on the way to it. */
        public static Error unexpected() {
            return new Error("Something went wrong on studybot's side. Please try again.");
        }
    }
}
