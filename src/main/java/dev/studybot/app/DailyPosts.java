package dev.studybot.app;

import dev.studybot.port.in.DailyPostUseCase;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Picture;
import dev.studybot.domain.Post;
import dev.studybot.domain.Question;
import dev.studybot.domain.Schedule;
import dev.studybot.domain.Submission;
import dev.studybot.domain.Reply;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.MemberStore;
import dev.studybot.port.out.PostScheduler;
import dev.studybot.port.out.PostStore;
import dev.studybot.port.out.PostedMessage;
import dev.studybot.port.out.ScheduleStore;
import dev.studybot.port.out.SubmissionStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Posts questions to channels and closes them. A post is reserved in the store for its slot before
 * it is sent, so one slot never gets two posts; the previous post closes when the next goes out,
 * and its thread gets the model answer and the results.
 */
public final class DailyPosts implements DailyPostUseCase {
    private static final Logger LOG = System.getLogger(DailyPosts.class.getName());
    /**
     * How old a reservation never sent must be to count as abandoned, and be sent again: shorter
     * than a sender's claim on the slot (30 s), which another node takes over only once it ran out,
     * and far longer than a send; a younger one belongs to an attempt still under way.
     */
    static final Duration ABANDONED = Duration.ofSeconds(20);

    private final Clock clock;
    private final Settings settings;
    private final Decks decks;
    private final Rotation rotation;
    private final PostStore posts;
    private final SubmissionStore submissions;
    private final MemberStore members;
    private final ScheduleStore schedules;
    private final PostScheduler scheduler;
    private final Platforms platforms;
    private final Optional<Pictures> pictures;

    public DailyPosts(Clock clock, Settings settings, Decks decks, PostStore posts, SubmissionStore submissions,
                      MemberStore members, ScheduleStore schedules, PostScheduler scheduler, Platforms platforms) {
        this(clock, settings, decks, posts, submissions, members, schedules, scheduler, platforms, Optional.empty());
    }

    /** With {@code pictures}, each close's results carry the week's leaderboard chart. */
    public DailyPosts(Clock clock, Settings settings, Decks decks, PostStore posts, SubmissionStore submissions,
                      MemberStore members, ScheduleStore schedules, PostScheduler scheduler, Platforms platforms,
                      Optional<Pictures> pictures) {
        this.clock = clock;
        this.settings = settings;
        this.decks = decks;
        this.rotation = new Rotation(decks, posts);
        this.posts = posts;
        this.submissions = submissions;
        this.members = members;
        this.schedules = schedules;
        this.scheduler = scheduler;
        this.platforms = platforms;
        this.pictures = pictures;
    }

    @Override
    public Outcome postScheduled(ChannelRef channel, Instant slot) {
        Optional<Schedule> schedule = schedules.find(channel);
        if (schedule.isEmpty()) {
            return Outcome.NOT_SCHEDULED;
        }
        if (schedule.get().paused()) {
            return Outcome.PAUSED;
        }
        Instant now = clock.instant();
        if (Duration.between(slot, now).compareTo(settings.grace()) > 0) {
            LOG.log(Level.WARNING, "Skipping the post of {0} for {1}: more than {2} late", channel.key(), slot, settings.grace());
            return Outcome.TOO_LATE;
        }
        return post(channel, slot, schedule);
    }

    /** An admin's {@code /study post}: the next question now, outside the schedule. */
    public Outcome postNow(ChannelRef channel) {
        return post(channel, clock.instant().truncatedTo(ChronoUnit.MILLIS), schedules.find(channel));
    }

    /** Why no question can be posted in the channel now: an empty bank, no model answers, or filters that match nothing. */
    public String whyNoQuestion(ChannelRef channel) {
        Optional<Schedule> schedule = schedules.find(channel);
        List<String> chosen = schedule.map(Schedule::decks).orElse(List.of());
        List<Question> all = decks.questionsIn(channel.workspaceRef(), chosen);
        if (all.isEmpty()) {
            return chosen.isEmpty() ? "The question bank is empty, so there is nothing to post. Add question files to the bank first."
                    : "The " + (chosen.size() == 1 ? "deck " : "decks ") + String.join(", ", chosen)
                    + " of this channel's schedule hold no questions now. Change them with /study schedule set.";
        }
        List<Question> answerable = all.stream().filter(Question::hasAnswer).toList();
        if (answerable.isEmpty()) {
            return "None of the " + Texts.count(all.size(), "question", "questions")
                    + " in the bank has a model answer yet, so none can be posted.";
        }
        String filters = schedule.map(s -> Stream.of(s.topic().map(t -> "topic " + t), s.level().map(l -> "level " + l.label()))
                .flatMap(Optional::stream).collect(Collectors.joining(" and "))).orElse("");
        long onTopic = answerable.stream().filter(q -> schedule.flatMap(Schedule::topic).map(t -> t.equalsIgnoreCase(q.topic())).orElse(true))
                .count();
        String detail = schedule.flatMap(Schedule::topic).isPresent() && schedule.flatMap(Schedule::level).isPresent() && onTopic > 0
                ? " (the topic has " + Texts.count(onTopic, "question", "questions") + ", none at that level)"
                : "";
        return "No question in the bank matches this channel's schedule filters" + (filters.isEmpty() ? "" : ", " + filters) + detail
                + ". Change them with /study schedule set.";
    }

    private Outcome post(ChannelRef asked, Instant slot, Optional<Schedule> schedule) {
        // the schedule keeps the platform's address for the channel, when the platform gave one
        ChannelRef channel = schedule.map(Schedule::channel).filter(c -> c.address().isPresent()).orElse(asked);
        Optional<ChatPlatform> platform = platforms.get(channel.platform());
        if (platform.isEmpty()) {
            LOG.log(Level.WARNING, "No {0} adapter is running; the post for {1} waits", channel.platform(), channel.key());
            return Outcome.NO_PLATFORM;
        }
        Optional<Rotation.Pick> pick = rotation.next(channel, schedule);
        if (pick.isEmpty()) {
            LOG.log(Level.WARNING, "No question matches the filters of {0}", channel.key());
            return Outcome.NO_QUESTION;
        }
        Instant now = clock.instant();
        Optional<Post> previous = posts.open(channel);
        Instant closesAt = settings.closeAfter().map(now::plus).orElse(null);
        Optional<Post> reserved = posts.reserve(channel, pick.get().question().id(), pick.get().cycle(), slot, now, closesAt);
        Question question = pick.get().question();
        if (reserved.isEmpty()) {
            // a reservation never sent: the node that made it stopped mid-send. Send it again under the
            // same post id, which the platform uses to drop a copy it already has (Discord's nonce).
            reserved = posts.unsent(channel, slot).filter(p -> Duration.between(p.postedAt(), now).compareTo(ABANDONED) >= 0);
            if (reserved.isEmpty()) {
                return Outcome.ALREADY_POSTED;
            }
            Optional<Question> reservedQuestion = decks.bank(channel.workspaceRef()).byId(reserved.get().questionId());
            if (reservedQuestion.isEmpty()) {
                posts.release(reserved.get().id());
                return Outcome.RETRY_LATER;
            }
            question = reservedQuestion.get();
            LOG.log(Level.INFO, "Sending the post of {0} for {1} again: it was reserved but never sent", channel.key(), slot);
        }
        Post post = reserved.get();
        try {
            PostedMessage message = platform.get().post(channel, Optional.empty(),
                    new Reply.QuestionCard(question, Optional.of(post.id()), true));
            posts.attach(post.id(), message);
        } catch (DeliveryException e) {
            posts.release(post.id());
            if (e.permanent()) {
                pause(platform.get(), channel, schedule, Refusals.describe(e));
                return Outcome.PAUSED;
            }
            LOG.log(Level.WARNING, "Posting to {0} failed, will retry: {1}", channel.key(), e.getMessage());
            return Outcome.RETRY_LATER;
        }
        previous.ifPresent(this::close);
        return Outcome.POSTED;
    }

    /**
     * Pauses the channel's schedule and says why: to the admin who set it, directly, and in the
     * channel too in case the refusal was only about the thread or the embed.
     */
    private void pause(ChatPlatform platform, ChannelRef channel, Optional<Schedule> schedule, String reason) {
        LOG.log(Level.WARNING, "Pausing the schedule of {0}: {1}", channel.key(), reason);
        if (schedule.isEmpty()) {
            return;
        }
        schedules.save(schedule.get().pausedFor(reason));
        scheduler.remove(channel);
        Reply notice = new Reply.Notice("The daily question in channel " + channel.channel() + " is paused: " + reason
                + ". Fix that, then run /study schedule set again to resume.");
        schedule.get().setBy().ifPresent(admin -> {
            try {
                platform.tell(channel.workspaceRef(), admin, notice);
            } catch (DeliveryException e) {
                LOG.log(Level.WARNING, "Could not tell {0} that {1} paused: {2}", admin, channel.key(), e.getMessage());
            }
        });
        try {
            platform.post(channel, Optional.empty(), notice);
        } catch (DeliveryException e) {
            LOG.log(Level.DEBUG, "The pause notice could not go to {0} either: {1}", channel.key(), e.getMessage());
        }
    }

    /** Closes posts whose configured close time has passed. */
    @Override
    public int closeDue() {
        List<Post> due = posts.dueToClose(clock.instant());
        // the week's chart is the same for every post of a workspace closing in this run: drawn once
        Map<WorkspaceRef, Optional<Picture>> charts = new HashMap<>();
        due.forEach(post -> close(post, charts));
        return due.size();
    }

    /** Closes a post and posts the model answer and the results in its thread, once: not if another caller closed it first. */
    public void close(Post post) {
        close(post, new HashMap<>());
    }

    private void close(Post post, Map<WorkspaceRef, Optional<Picture>> charts) {
        if (!posts.close(post.id(), clock.instant())) {
            return;
        }
        Optional<Question> question = decks.bank(post.channel().workspaceRef()).byId(post.questionId());
        Optional<ChatPlatform> platform = platforms.get(post.channel().platform());
        if (question.isEmpty() || platform.isEmpty() || post.messageRef() == null) {
            return;
        }
        List<Reply.Results.ResultLine> lines = submissions.forPost(post.id()).stream()
                .sorted(Comparator.comparingInt(Submission::points).reversed().thenComparing(Submission::userId))
                .map(s -> new Reply.Results.ResultLine(
                        members.displayName(post.channel().workspaceRef(), s.userId()).orElse(s.userId()),
                        s.covered(), s.keyPointCount(), s.points(), s.revealed() && !s.answered()))
                .toList();
        try {
            platform.get().post(post.channel(), Optional.of(new PostedMessage(post.messageRef(), post.thread())),
                    new Reply.Results(question.get(), lines, charts.computeIfAbsent(post.channel().workspaceRef(),
                            ws -> pictures.flatMap(p -> p.thisWeek(ws)))));
        } catch (DeliveryException e) {
            LOG.log(Level.WARNING, "Could not post the results of post {0} in {1}: {2}", post.id(), post.channel().key(), e.getMessage());
        }
    }
}
