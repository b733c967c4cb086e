package dev.studybot.app;

import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.MemoryState;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Reviewer;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.in.Command;
import dev.studybot.port.out.QuestionBank;
import dev.studybot.port.out.ReviewerStore;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reviews by spaced repetition, always for the asker alone: the most overdue question, its answer
 * graded and rescheduled (no points, no submission: nobody else sees it), reviews on or off, and
 * the time of the daily reminder, which never falls in quiet hours.
 */
public final class Reviews {
    /** Local quiet hours: no reminder is set or sent from 22:00 until 08:00. */
    static final LocalTime QUIET_FROM = LocalTime.of(22, 0);
    static final LocalTime QUIET_UNTIL = LocalTime.of(8, 0);
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.h](\\d{2})");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final Clock clock;
    private final Settings settings;
    private final Decks decks;
    private final ReviewerStore reviewers;
    private final Memories memories;
    private final Grader grader;
    private final Lookups lookups;

    public Reviews(Clock clock, Settings settings, Decks decks, ReviewerStore reviewers, Memories memories, Grader grader,
                   Lookups lookups) {
        this.clock = clock;
        this.settings = settings;
        this.decks = decks;
        this.reviewers = reviewers;
        this.memories = memories;
        this.grader = grader;
        this.lookups = lookups;
    }

    static boolean quiet(LocalTime time) {
        return !time.isBefore(QUIET_FROM) || time.isBefore(QUIET_UNTIL);
    }

    /** {@code /study review [topic]}: the most overdue question (of the topic), remembered as the open review. */
    public Reply next(Command command, Optional<String> topic) {
        WorkspaceRef ws = command.channel().workspaceRef();
        Reviewer reviewer = reviewer(command);
        if (!reviewer.on()) {
            return new Reply.Notice("Your reviews are off. Turn them on with /study review on.");
        }
        Optional<String> wanted = Optional.empty();
        if (topic.isPresent()) {
            wanted = lookups.resolveTopic(ws, topic.get());
            if (wanted.isEmpty()) {
                return new Reply.Error("No topic matches '" + Texts.shorten(topic.get(), 40) + "'. See /study topics; "
                        + "the review subcommands are next, answer, on, off and remind.");
            }
        }
        Instant now = clock.instant();
        List<MemoryState> all = memories.of(ws, command.actor().userId());
        String only = wanted.orElse(null);
        QuestionBank bank = decks.bank(ws);
        List<MemoryState> pool = all.stream().filter(s -> only == null || topicOf(bank, s).equals(only)).toList();
        List<MemoryState> due = memories.due(pool, now);
        boolean early = false;
        MemoryState pick;
        if (!due.isEmpty()) {
            pick = due.get(0);
        } else if (only != null && !pool.isEmpty()) {
            // asked for a topic with nothing due: the one of it most likely forgotten
            pick = pool.stream().sorted(memories.weakestFirst(now)).findFirst().orElseThrow();
            early = true;
        } else if (only != null) {
            return new Reply.Notice("You have not answered any question of " + only + " yet; try /study random " + only + ".");
        } else {
            return new Reply.NothingDue(all.size(), all.stream().map(MemoryState::due).min(Comparator.naturalOrder()), zone(reviewer));
        }
        reviewers.save(reviewer.withOpenQuestion(Optional.of(pick.questionId())));
        Question question = decks.bank(ws).byId(pick.questionId()).orElseThrow();
        return new Reply.ReviewCard(question, memories.due(all, now).size(), (int) Math.round(100 * memories.mastered(pick, now)), early);
    }

    /** {@code /study review answer TEXT}: grades the open review, reschedules it, and closes it. */
    public Reply answer(Command command, String text) {
        WorkspaceRef ws = command.channel().workspaceRef();
        String user = command.actor().userId();
        Reviewer reviewer = reviewer(command);
        if (!reviewer.on()) {
            return new Reply.Notice("Your reviews are off. Turn them on with /study review on.");
        }
        if (reviewer.openQuestion().isEmpty()) {
            return new Reply.Error("You have no review open. /study review gives you your most overdue question.");
        }
        Optional<Question> question = decks.bank(ws).byId(reviewer.openQuestion().get());
        if (question.isEmpty()) {
            reviewers.save(reviewer.withOpenQuestion(Optional.empty()));
            return new Reply.Error("The question of your review, " + reviewer.openQuestion().get()
                    + ", is no longer in the bank. /study review gives you another.");
        }
        String answer = text.strip();
        Optional<Reply.Error> tooLong = Texts.tooLong(answer, settings.maxAnswerLength());
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        Question q = question.get();
        Grader.Grade grade = grader.grade(q, answer);
        MemoryState after = memories.record(ws, user, q, grade);
        reviewers.save(reviewer.withOpenQuestion(Optional.empty()));
        int stillDue = memories.due(memories.of(ws, user), clock.instant()).size();
        return new Reply.Reviewed(q, grade.covered().stream().map(KeyPoint::subject).toList(),
                grade.claims().stream().filter(c -> c.status() == Grader.Status.MISSED).map(c -> c.point().subject()).toList(),
                grade.contradicted().stream().map(KeyPoint::subject).toList(), Memories.rating(grade).label(), after.due(),
                zone(reviewer), stillDue);
    }

    /** {@code /study review on|off}. */
    public Reply turn(Command command, boolean on) {
        Reviewer reviewer = reviewer(command);
        reviewers.save(reviewer.withOn(on).withOpenQuestion(on ? reviewer.openQuestion() : Optional.empty()));
        if (on) {
            return new Reply.Notice("Your reviews are on: /study review gives you your most overdue question."
                    + reviewer.remindAt().map(t -> " Your reminder at " + HH_MM.format(t) + " is on again.").orElse(""));
        }
        return new Reply.Notice("Your reviews are off" + (reviewer.remindAt().isPresent() ? ", and so is their reminder" : "")
                + ". Your answers still shape your mastery in /study stats; /study review on turns reviews back on.");
    }

    /** {@code /study review remind HH:MM [zone]} or {@code remind off}. */
    public Reply remind(Command command, String time, Optional<String> timezone) {
        Reviewer reviewer = reviewer(command);
        if (time.strip().equalsIgnoreCase("off")) {
            reviewers.save(reviewer.withReminder(Optional.empty(), Optional.empty()));
            return new Reply.Notice(reviewer.remindAt().isPresent() ? "No more review reminders." : "You had no review reminder.");
        }
        LocalTime at;
        Schedules.ReadZone zone;
        try {
            at = time(time);
            zone = timezone.isPresent() ? Schedules.readZone(timezone.get()) : new Schedules.ReadZone(zone(reviewer), Optional.empty());
        } catch (CommandSyntaxException e) {
            return new Reply.Error(e.getMessage());
        }
        if (quiet(at)) {
            return new Reply.Error(HH_MM.format(at) + " is in quiet hours (" + HH_MM.format(QUIET_FROM) + " to " + HH_MM.format(QUIET_UNTIL)
                    + "), when studybot sends no reminder. Choose a time from " + HH_MM.format(QUIET_UNTIL) + " to 21:59.");
        }
        Optional<ZoneId> chosen = timezone.isPresent() ? Optional.of(zone.zone()) : reviewer.zone();
        reviewers.save(reviewer.withReminder(Optional.of(at), chosen));
        return new Reply.Notice("Review reminder set: a direct message at " + HH_MM.format(at) + " " + zone.zone().getId()
                + " on days when reviews are due, at most once a day." + (reviewer.on() ? "" : " Your reviews are off: /study review on starts it.")
                + zone.note().map(n -> " Note: " + n + ".").orElse(""));
    }

    private static LocalTime time(String typed) throws CommandSyntaxException {
        Matcher m = TIME.matcher(typed.strip());
        try {
            if (m.matches()) {
                return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            return LocalTime.parse(typed.strip());
        } catch (DateTimeException e) {
            throw new CommandSyntaxException("'" + Texts.shorten(typed, 20) + "' is not a time of day: use HH:MM, e.g. 08:30, or off.");
        }
    }

    private static String topicOf(QuestionBank bank, MemoryState state) {
        return bank.byId(state.questionId()).map(Question::topic).orElse("");
    }

    private Reviewer reviewer(Command command) {
        WorkspaceRef ws = command.channel().workspaceRef();
        return reviewers.find(ws, command.actor().userId()).orElse(Reviewer.of(ws, command.actor().userId()));
    }

    private ZoneId zone(Reviewer reviewer) {
        return reviewer.zone().orElse(settings.zone());
    }
}
