package dev.studybot.domain.words;

import dev.studybot.domain.BankReload;
import dev.studybot.domain.ImportReport;
import dev.studybot.domain.Suggestion;
import dev.studybot.domain.Reply;

import dev.studybot.domain.Level;
import dev.studybot.domain.Period;
import dev.studybot.domain.Question;
import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.Schedule;
import dev.studybot.domain.SearchHit;
import dev.studybot.domain.Standing;
import dev.studybot.domain.TopicCount;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * studybot's wording, once for every platform: each reply as text in a platform's {@link Markup}.
 * Platform renderers add their structure (embeds, blocks, buttons) around these texts.
 */
public final class MarkupRenderer {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    /** Problems and ids a reload reply names; the rest are counted. */
    private static final int MAX_PROBLEMS = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.ENGLISH);
    private final Markup m;

    public MarkupRenderer(Markup markup) {
        this.m = markup;
    }

    public Markup markup() {
        return m;
    }

    /** A reply as text; the switch names every reply type, so a new one fails the build until it has words. */
    public String render(Reply reply) {
        return switch (reply) {
            case Reply.Help r -> help(r);
            case Reply.QuestionCard r -> questionCard(r);
            case Reply.ModelAnswer r -> modelAnswer(r);
            case Reply.AnswerForm r -> answerForm(r);
            case Reply.Graded r -> graded(r);
            case Reply.Results r -> results(r);
            case Reply.SearchResults r -> searchResults(r);
            case Reply.Topics r -> topics(r);
            case Reply.Leaderboard r -> leaderboard(r);
            case Reply.Stats r -> stats(r);
            case Reply.ChannelMastery r -> channelMastery(r);
            case Reply.ReviewCard r -> reviewCard(r);
            case Reply.NothingDue r -> nothingDue(r);
            case Reply.Reviewed r -> reviewed(r);
            case Reply.ReviewReminder r -> reviewReminder(r);
            case Reply.Teams r -> teams(r);
            case Reply.SeasonList r -> seasonList(r);
            case Reply.SeasonEnded r -> seasonEnded(r);
            case Reply.ScheduleInfo r -> scheduleInfo(r);
            case Reply.History r -> history(r);
            case Reply.BankReloaded r -> bankReloaded(r);
            case Reply.ImportChecked r -> importChecked(r);
            case Reply.SuggestForm r -> suggestForm(r);
            case Reply.SuggestionQueue r -> suggestionQueue(r);
            case Reply.QuestionForm r -> questionForm(r);
            case Reply.DeckList r -> deckList(r);
            case Reply.DeckFile r -> deckFile(r);
            case Reply.Notice r -> notice(r);
            case Reply.Error r -> error(r);
        };
    }

    /** How a reply is set apart: a question or its results, information, or a refusal. */
    public static Tone tone(Reply reply) {
        return switch (reply) {
            case Reply.QuestionCard r -> Tone.QUESTION;
            case Reply.Results r -> Tone.QUESTION;
            case Reply.Error r -> Tone.PROBLEM;
            case Reply.Help r -> Tone.INFO;
            case Reply.ModelAnswer r -> Tone.INFO;
            case Reply.AnswerForm r -> Tone.INFO;
            case Reply.Graded r -> Tone.INFO;
            case Reply.SearchResults r -> Tone.INFO;
            case Reply.Topics r -> Tone.INFO;
            case Reply.Leaderboard r -> Tone.INFO;
            case Reply.Stats r -> Tone.INFO;
            case Reply.ChannelMastery r -> Tone.INFO;
            case Reply.ReviewCard r -> Tone.QUESTION;
            case Reply.NothingDue r -> Tone.INFO;
            case Reply.Reviewed r -> Tone.INFO;
            case Reply.ReviewReminder r -> Tone.INFO;
            case Reply.Teams r -> Tone.INFO;
            case Reply.SeasonList r -> Tone.INFO;
            case Reply.SeasonEnded r -> Tone.QUESTION;
            case Reply.ScheduleInfo r -> Tone.INFO;
            case Reply.History r -> Tone.INFO;
            case Reply.BankReloaded r -> r.reload().problems().isEmpty() && r.reload().applied() ? Tone.INFO : Tone.PROBLEM;
            case Reply.ImportChecked r -> r.report().storable() > 0 ? Tone.INFO : Tone.PROBLEM;
            case Reply.SuggestForm r -> Tone.INFO;
            case Reply.SuggestionQueue r -> Tone.INFO;
            case Reply.Notice r -> Tone.INFO;
            case Reply.QuestionForm r -> r.rejected() ? Tone.PROBLEM : Tone.INFO;
            case Reply.DeckList r -> Tone.INFO;
            case Reply.DeckFile r -> Tone.INFO;
        };
    }

    /** The look a platform gives a reply (Discord's embed colour, for one). */
    public enum Tone {
        QUESTION, INFO, PROBLEM
    }

    /** "Topic · level · id" for a question. */
    public String meta(Question q) {
        return m.text(q.topic()) + " · " + q.level().label() + " · " + m.code(q.id());
    }

    private String help(Reply.Help reply) {
        return m.bold("studybot") + " posts a deep-learning interview question every day. Commands:\n"
                + reply.lines().stream()
                .map(l -> "• " + m.code(l.usage()) + " — " + m.text(l.description()) + (l.adminOnly() ? " " + m.italic("(admin)") : ""))
                .collect(Collectors.joining("\n"));
    }

    private String questionCard(Reply.QuestionCard reply) {
        Question q = reply.question();
        String head = reply.daily() ? m.bold("Question of the day") + "\n" : "";
        String hint = reply.closed()
                ? "Closed; answers now are practice. See the model answer with " + m.code("/study reveal") + "."
                : reply.postId().isPresent()
                ? "Answer with " + m.code("/study answer") + ", see the model answer with " + m.code("/study reveal") + "."
                : "See the model answer with " + m.code("/study reveal " + q.id()) + ".";
        return head + m.bold(m.text(q.text())) + "\n" + meta(q) + "\n" + m.italic(hint);
    }

    private String modelAnswer(Reply.ModelAnswer reply) {
        Question q = reply.question();
        String forfeit = reply.forfeited()
                ? "\n\n" + m.italic("You revealed before answering: no points for this question. Answers you send now are practice.")
                : "";
        String rubric = reply.yours().isEmpty() ? keyPoints(q) : m.bold("What a full answer shows, and your answer:")
                + reply.yours().stream().map(c -> "\n" + switch (c.mark()) {
                    case COVERED -> "✓ ";
                    case MISSED -> "✗ ";
                    case CONTRADICTED -> "⚠ contradicted: ";
                } + m.text(c.claim()) + c.reason().map(r -> " " + m.italic("(" + m.text(r) + ")")).orElse("")).collect(Collectors.joining());
        return m.bold("Model answer") + " · " + meta(q) + "\n" + m.italic(m.text(q.text())) + "\n\n" + m.markdown(q.answer())
                + "\n\n" + rubric + forfeit;
    }

    private String keyPoints(Question q) {
        return m.bold("What a full answer shows:") + q.keyPoints().stream().map(k -> "\n• " + m.text(k.label())).collect(Collectors.joining());
    }

    private String answerForm(Reply.AnswerForm reply) {
        return "Answer " + m.code(reply.question().id()) + " with " + m.code("/study answer YOUR ANSWER")
                + " (up to " + String.format(Locale.ENGLISH, "%,d", reply.maxLength()) + " characters).";
    }

    private String graded(Reply.Graded reply) {
        int total = reply.covered().size() + reply.missed().size() + reply.contradicted().size();
        StringBuilder out = new StringBuilder();
        out.append("You covered ").append(m.bold(reply.covered().size() + " of " + total)).append(total == 1 ? " claim of " : " claims of ")
                .append(m.code(reply.question().id())).append('.');
        if (!reply.covered().isEmpty()) {
            out.append("\n✓ Covered: ").append(list(reply.covered()));
        }
        if (!reply.missed().isEmpty()) {
            out.append("\n✗ Not yet (").append(reply.missed().size()).append("), about: ").append(list(reply.missed()));
        }
        if (!reply.contradicted().isEmpty()) {
            out.append("\n⚠ Something you said contradicts what a full answer shows, about: ").append(list(reply.contradicted()))
                    .append(". It counts against the grade.");
        }
        if (reply.practice()) {
            out.append("\n").append(m.italic("Practice only, no points: " + m.text(reply.practiceReason().orElse("")) + "."));
        } else {
            out.append("\n").append(m.bold("+" + count(reply.points(), "point", "points")));
            if (reply.streak() > 1) {
                out.append(" · streak ").append(reply.streak());
            }
            out.append(". You can resubmit until you reveal the answer or the question closes; the last answer counts.");
        }
        return out.toString();
    }

    private String list(List<String> labels) {
        return labels.stream().map(m::text).collect(Collectors.joining("; "));
    }

    private String results(Reply.Results reply) {
        Question q = reply.question();
        StringBuilder out = new StringBuilder(m.bold("Closed: " + m.text(q.text())) + "\n" + meta(q) + "\n\n"
                + m.markdown(q.answer()) + "\n\n" + keyPoints(q) + "\n\n" + m.bold("Results"));
        if (reply.lines().isEmpty()) {
            out.append("\nNobody answered this one.");
        }
        // ranked as the leaderboard ranks
        List<Reply.Results.ResultLine> lines = reply.lines();
        int[] ranks = Standing.ranks(lines.stream().mapToLong(Reply.Results.ResultLine::points).toArray());
        for (int i = 0; i < lines.size(); i++) {
            Reply.Results.ResultLine line = lines.get(i);
            out.append('\n').append(ranks[i]).append(". ").append(m.text(line.member())).append(" — ");
            if (line.revealedFirst()) {
                out.append("revealed first, 0 points");
            } else {
                out.append(count(line.points(), "point", "points")).append(" (").append(line.covered()).append('/').append(line.keyPoints())
                        .append(line.keyPoints() == 1 ? " claim)" : " claims)");
            }
        }
        return out.toString();
    }

    private String searchResults(Reply.SearchResults reply) {
        if (reply.hits().isEmpty()) {
            return "No question matches " + m.italic(m.text(reply.words())) + ". Try fewer or other words, or " + m.code("/study topics") + ".";
        }
        StringBuilder out = new StringBuilder("Questions matching " + m.italic(m.text(reply.words())) + ":");
        for (SearchHit hit : reply.hits()) {
            out.append("\n• ").append(m.code(hit.question().id())).append(' ').append(m.bold(m.text(hit.question().text())))
                    .append("\n   ").append(m.highlighted(hit.snippet()));
        }
        out.append("\n").append(m.italic("Show one with /study question ID."));
        return out.toString();
    }

    private String topics(Reply.Topics reply) {
        if (reply.topics().isEmpty()) {
            return "The question bank is empty.";
        }
        int total = reply.topics().stream().mapToInt(TopicCount::total).sum();
        return m.bold(count(total, "question", "questions") + " in " + count(reply.topics().size(), "topic", "topics")) + "\n"
                + reply.topics().stream()
                .map(t -> "• " + m.text(t.topic()) + " — " + t.total() + " (" + t.basic() + " basic, " + t.intermediate()
                        + " intermediate, " + t.advanced() + " advanced)")
                .collect(Collectors.joining("\n"));
    }

    private String leaderboard(Reply.Leaderboard reply) {
        String title = "Leaderboard" + (reply.teams() ? " (teams)" : "") + " — " + period(reply.period(), reply.season());
        if (reply.standings().isEmpty()) {
            return m.bold(m.text(title)) + "\nNo points yet" + (reply.teams() ? " (or no teams: /study team create NAME)." : ".");
        }
        StringBuilder out = new StringBuilder(m.bold(m.text(title)));
        for (Standing s : reply.standings()) {
            out.append('\n').append(s.rank()).append(". ").append(m.text(s.name())).append(" — ").append(count(s.points(), "point", "points"));
            if (reply.teams()) {
                out.append(" · ").append(s.members()).append(s.members() == 1 ? " member" : " members")
                        .append(" · ").append(String.format(Locale.ENGLISH, "%.1f", s.average())).append(" per member");
            } else {
                out.append(" · ").append(s.answers()).append(s.answers() == 1 ? " answer" : " answers");
            }
        }
        return out.toString();
    }

    private static String period(Period period, Optional<String> season) {
        return switch (period) {
            case WEEK -> "this week";
            case MONTH -> "this month";
            case SEASON -> "season " + season.orElse("");
            case ALL -> "all time";
        };
    }

    private String stats(Reply.Stats reply) {
        StringBuilder out = new StringBuilder(m.bold("Stats for " + m.text(reply.member())) + "\n"
                + count(reply.points(), "point", "points") + " · " + count(reply.answers(), "answer", "answers") + " · streak " + reply.streak()
                + reply.team().map(t -> " · team " + m.text(t)).orElse(""));
        for (Reply.Stats.TopicLine t : reply.topics()) {
            out.append("\n• ").append(m.text(t.topic())).append(" — ").append(t.answers()).append(t.answers() == 1 ? " answer, " : " answers, ")
                    .append(t.coveragePercent()).append("% of claims");
        }
        reply.progress().ifPresent(p -> out.append("\n").append(progress(p)));
        return out.toString();
    }

    /** The member's own mastery, under their stats. */
    private String progress(Reply.Progress p) {
        if (p.topics().isEmpty()) {
            return m.bold("Mastery") + "\nNothing yet: every question you answer joins your reviews, and your mastery shows here.";
        }
        StringBuilder out = new StringBuilder(m.bold("Mastery") + " " + m.italic("(the share of each topic you would recall today)"));
        for (Reply.TopicMastery t : p.topics()) {
            out.append("\n• ").append(masteryLine(t));
        }
        if (p.unseen() > 0) {
            out.append("\n").append(m.italic(count(p.unseen(), "topic", "topics") + " not started yet."));
        }
        if (!p.weakest().isEmpty()) {
            out.append("\n").append(m.bold("Weakest: ")).append(list(p.weakest())).append(". Review one with ")
                    .append(m.code("/study review next " + p.weakest().get(0))).append('.');
        }
        out.append("\n").append(p.due() == 0 ? "No review is due."
                : count(p.due(), "review is", "reviews are") + " due: " + m.code("/study review") + " gives you the most overdue, privately.");
        return out.toString();
    }

    private String masteryLine(Reply.TopicMastery t) {
        return m.text(t.topic()) + " — " + t.percent() + "% (" + t.seen() + " of " + count(t.questions(), "question", "questions") + " seen)";
    }

    private String channelMastery(Reply.ChannelMastery reply) {
        if (reply.members() == 0 || reply.topics().isEmpty()) {
            return m.bold("Topic mastery in this channel") + "\nNobody has answered here yet.";
        }
        return m.bold("Topic mastery in this channel") + " " + m.italic("(what the " + count(reply.members(), "member", "members")
                + " who answered here would recall today, on average; no one's answers are shown)")
                + reply.topics().stream().map(t -> "\n• " + masteryLine(t)).collect(Collectors.joining());
    }

    private String reviewCard(Reply.ReviewCard reply) {
        Question q = reply.question();
        String head = reply.early()
                ? "Review (not due yet: the one of this topic you are likeliest to have forgotten)"
                : "Review · " + count(reply.due(), "question", "questions") + " due";
        return m.bold(head) + "\n" + m.bold(m.text(q.text())) + "\n" + meta(q) + " · recall now about " + reply.recallPercent() + "%\n"
                + m.italic("Answer with " + m.code("/study review answer YOUR ANSWER") + ". Reviews are only for you and earn no points.");
    }

    private String nothingDue(Reply.NothingDue reply) {
        if (reply.tracked() == 0) {
            return "Nothing to review yet: every question you answer (today's, or one after its close) joins your reviews, "
                    + "spaced by how well you knew it.";
        }
        return "No review is due. " + count(reply.tracked(), "question is", "questions are") + " in your reviews"
                + reply.next().map(n -> "; the next is due " + when(n, reply.zone())).orElse("") + ".";
    }

    private String reviewed(Reply.Reviewed reply) {
        int total = reply.covered().size() + reply.missed().size() + reply.contradicted().size();
        StringBuilder out = new StringBuilder("Review of " + m.code(reply.question().id()) + ": you covered "
                + m.bold(reply.covered().size() + " of " + total) + (total == 1 ? " claim" : " claims") + ", rated " + m.bold(reply.rating()) + ".");
        if (!reply.covered().isEmpty()) {
            out.append("\n✓ Covered: ").append(list(reply.covered()));
        }
        if (!reply.missed().isEmpty()) {
            out.append("\n✗ Not yet (").append(reply.missed().size()).append("), about: ").append(list(reply.missed()));
        }
        if (!reply.contradicted().isEmpty()) {
            out.append("\n⚠ Something you said contradicts what a full answer shows, about: ").append(list(reply.contradicted())).append('.');
        }
        out.append("\nNext review: ").append(when(reply.nextDue(), reply.zone())).append(". ")
                .append(m.italic("The model answer: " + m.code("/study reveal " + reply.question().id()) + "."));
        out.append("\n").append(reply.stillDue() == 0 ? "No other review is due."
                : count(reply.stillDue(), "review is", "reviews are") + " still due: " + m.code("/study review") + ".");
        return out.toString();
    }

    private String reviewReminder(Reply.ReviewReminder reply) {
        return m.bold((reply.more() ? "More than " + count(reply.due(), "review is", "reviews are") : count(reply.due(), "review is", "reviews are"))
                + " due") + " in studybot. " + m.code("/study review") + " gives you the most overdue one, privately.\n"
                + m.italic("One reminder a day at most, never in quiet hours (22:00 to 08:00). Stop them with /study review remind off.");
    }

    private String seasonList(Reply.SeasonList reply) {
        if (reply.seasons().isEmpty()) {
            return "No season has been run here yet. An admin can start one with " + m.code("/study season start NAME") + ".";
        }
        StringBuilder out = new StringBuilder(m.bold("Seasons"));
        for (Reply.SeasonList.SeasonLine s : reply.seasons()) {
            out.append("\n• ").append(m.bold(m.text(s.name()))).append(" — ").append(ChartWords.date(s.started())).append(" to ")
                    .append(s.ended().map(ChartWords::date).orElse("now (running)")).append(" · ");
            if (s.winner().isEmpty()) {
                out.append("no points yet");
            } else {
                out.append(s.ended().isPresent() ? "winner " : "leading ").append(m.text(s.winner().get())).append(" with ")
                        .append(count(s.winnerPoints(), "point", "points"));
            }
        }
        out.append("\n").append(m.italic("Standings of one: /study leaderboard season NAME."));
        return out.toString();
    }

    private String seasonEnded(Reply.SeasonEnded reply) {
        StringBuilder out = new StringBuilder(m.bold("Season " + m.text(reply.name()) + " has ended") + " ("
                + ChartWords.dates(reply.started(), reply.ended()) + ")");
        if (reply.standings().isEmpty()) {
            return out.append("\nNobody scored in it.").toString();
        }
        Standing winner = reply.standings().get(0);
        out.append("\nWinner: ").append(m.bold(m.text(winner.name()))).append(" with ").append(count(winner.points(), "point", "points"))
                .append(".\n\n").append(m.bold("Final standings"));
        for (Standing s : reply.standings()) {
            out.append('\n').append(s.rank()).append(". ").append(m.text(s.name())).append(" — ").append(count(s.points(), "point", "points"))
                    .append(" · ").append(s.answers()).append(s.answers() == 1 ? " answer" : " answers");
        }
        out.append("\n").append(m.italic("Look back any time with /study leaderboard season " + m.text(reply.name()) + "."));
        return out.toString();
    }

    private String teams(Reply.Teams reply) {
        if (reply.teams().isEmpty()) {
            return "No teams yet. Create one with " + m.code("/study team create NAME") + ".";
        }
        return m.bold("Teams") + "\n" + reply.teams().stream()
                .map(t -> "• " + m.text(t.name()) + " (" + t.members() + (t.members() == 1 ? " member)" : " members)"))
                .collect(Collectors.joining("\n"));
    }

    private String scheduleInfo(Reply.ScheduleInfo reply) {
        if (reply.schedule().isEmpty()) {
            return "No daily question is scheduled in this channel. An admin can set one with "
                    + m.code("/study schedule set weekdays 09:30 Europe/Berlin") + ".";
        }
        Schedule s = reply.schedule().get();
        StringBuilder out = new StringBuilder(m.bold("Daily question: " + m.text(s.when())) + " (" + m.text(s.zone().getId()) + ") · cron "
                + m.code(s.cron()));
        s.topic().ifPresent(t -> out.append(" · topic ").append(m.text(t)));
        s.level().map(Level::label).ifPresent(l -> out.append(" · level ").append(l));
        if (!s.decks().isEmpty()) {
            out.append(" · decks ").append(s.decks().stream().map(m::code).collect(Collectors.joining(", ")));
        }
        if (s.paused()) {
            out.append("\n⏸ Paused: ").append(m.text(s.pausedReason().orElse(""))).append(". Fix that, then set the schedule again to resume.");
        } else {
            reply.nextPost().ifPresent(n -> out.append("\nNext post: ").append(when(n, s.zone())));
        }
        reply.notes().forEach(n -> out.append("\n").append(m.italic("Note: " + m.text(n) + ".")));
        return out.toString();
    }

    private String history(Reply.History reply) {
        if (reply.lines().isEmpty()) {
            return reply.open() ? "Only today's question has been posted in this channel so far; see it with " + m.code("/study today") + "."
                    : "No question has been posted in this channel yet.";
        }
        StringBuilder out = new StringBuilder(m.bold("Past questions here, newest first:"));
        for (Reply.History.HistoryLine line : reply.lines()) {
            out.append("\n• ").append(DAY.format(line.postedAt().atZone(reply.zone()))).append(" · ").append(m.code(line.questionId()))
                    .append(' ').append(line.question().map(t -> m.text(t)).orElse(m.italic("no longer in the bank")));
            line.messageRef().flatMap(ref -> m.messageLink(reply.channel(), ref)).ifPresent(link -> out.append(" · ").append(link));
            if (line.openAgain()) {
                out.append(" · ").append(m.italic("open again today: answer it first"));
            }
        }
        out.append("\n").append(m.italic("Show one with /study question ID, its model answer with /study reveal ID."));
        return out.toString();
    }

    private String bankReloaded(Reply.BankReloaded reply) {
        BankReload r = reply.reload();
        StringBuilder out = new StringBuilder();
        if (!r.applied()) {
            out.append(m.bold("Nothing was reloaded")).append(": the question files hold no question now, so the bank stays as it was.");
        } else {
            out.append(m.bold("Question bank reloaded")).append(": ").append(count(r.questions(), "question", "questions")).append(" in ")
                    .append(count(r.topics(), "topic", "topics")).append(" · ").append(r.added().size()).append(" new, ")
                    .append(r.changed().size()).append(" changed, ").append(r.removed().size()).append(" removed.");
            if (!r.removed().isEmpty()) {
                out.append("\nRemoved: ").append(ids(r.removed()))
                        .append(". Posts and history that name them still find them until the next restart; they are no longer posted or found.");
            }
        }
        if (!r.kept().isEmpty()) {
            out.append("\nThe last good version stays live for ").append(r.kept().stream().map(m::code).collect(Collectors.joining(", "))).append('.');
        }
        if (!r.problems().isEmpty()) {
            out.append("\n").append(m.bold(count(r.problems().size(), "problem", "problems") + ":"));
            r.problems().stream().limit(MAX_PROBLEMS).forEach(p -> out.append("\n• ").append(m.text(p)));
            if (r.problems().size() > MAX_PROBLEMS) {
                out.append("\n…and ").append(r.problems().size() - MAX_PROBLEMS).append(" more (studybot validate lists them all).");
            }
        }
        return out.toString();
    }

    private String ids(List<String> ids) {
        return ids.stream().limit(MAX_PROBLEMS).map(m::code).collect(Collectors.joining(", "))
                + (ids.size() > MAX_PROBLEMS ? " and " + (ids.size() - MAX_PROBLEMS) + " more" : "");
    }

    /** A count with its noun in the right number: "1 point", "2 points", "0 points". */
    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }

    /**
     * The question form as text: how to fill it in, or, when it came back, its problems by field
     * and every field as typed, so that nothing typed is lost.
     */
    private String questionForm(Reply.QuestionForm reply) {
        QuestionDraft d = reply.draft();
        if (!reply.rejected()) {
            return m.bold(m.text(Labels.questionFormTitle(d))) + "\nClaims, one a line: " + m.code(Labels.CLAIMS_HINT)
                    + "\nDetails: " + m.code(Labels.DETAILS_HINT);
        }
        StringBuilder out = new StringBuilder("⚠ " + m.bold("The question was not saved") + "; nothing was stored. Fix "
                + (reply.problems().size() == 1 ? "this" : "these") + " and send it again:");
        for (Reply.QuestionForm.FormProblem p : reply.problems()) {
            out.append("\n• ").append(m.bold(m.text(Labels.field(p.field())))).append(": ").append(m.text(p.text()));
        }
        out.append("\n\n").append(m.italic("What you typed:"));
        for (QuestionDraft.Field f : QuestionDraft.Field.values()) {
            String v = d.value(f).strip();
            out.append("\n").append(m.bold(m.text(Labels.field(f)))).append("\n").append(v.isEmpty() ? m.italic("(empty)") : m.text(v));
        }
        return out.toString();
    }

    private String deckList(Reply.DeckList reply) {
        StringBuilder out = new StringBuilder(m.bold("Decks") + " (" + count(reply.decks().size(), "deck", "decks") + "):");
        for (Reply.DeckList.DeckLine d : reply.decks()) {
            out.append("\n• ").append(m.code(d.name())).append(" — ").append(count(d.questions(), "question", "questions"))
                    .append(d.builtIn() ? " " + m.italic("(the built-in bank)") : "");
        }
        return out.append("\nA schedule can draw on some of them: ").append(m.code("/study schedule set weekdays 09:30 deck:NAME"))
                .append('.').toString();
    }

    private String deckFile(Reply.DeckFile reply) {
        return "The deck " + m.code(reply.deck()) + " as bank YAML: " + count(reply.questions(), "question", "questions") + " in "
                + m.code(reply.file().fileName()) + ". Put the file in the question folder (bank.path) to load it there.";
    }

    private String notice(Reply.Notice reply) {
        return m.text(reply.text());
    }

    private String error(Reply.Error reply) {
        return "⚠ " + m.text(reply.text());
    }

    /** Listed per kind of question in an import report; the rest are counted. */
    private static final int MAX_LISTED = 15;

    private String importChecked(Reply.ImportChecked reply) {
        ImportReport r = reply.report();
        StringBuilder out = new StringBuilder(m.bold("Import of " + m.text(r.file()))).append(": ")
                .append(count(r.entries().size(), "question", "questions")).append(" · ")
                .append(r.of(ImportReport.Kind.NEW).size()).append(" new, ")
                .append(r.of(ImportReport.Kind.NEAR).size()).append(" near duplicates, ")
                .append(r.of(ImportReport.Kind.COVERED).size()).append(" already covered, ")
                .append(r.of(ImportReport.Kind.UNANSWERED).size()).append(" unanswered, ")
                .append(r.of(ImportReport.Kind.PROBLEM).size() + r.problems().size()).append(" with problems.");
        section(out, r, ImportReport.Kind.NEW, "New, stored on confirm:");
        section(out, r, ImportReport.Kind.NEAR, "New but near a question you have (stored on confirm; compare them):");
        section(out, r, ImportReport.Kind.COVERED, "Already covered (not stored):");
        section(out, r, ImportReport.Kind.UNANSWERED, "Unanswered (not stored; add an answer and claims, then import again):");
        section(out, r, ImportReport.Kind.PROBLEM, "Problems (not stored):");
        if (!r.problems().isEmpty()) {
            out.append("\n").append(m.bold("Lines of the file:"));
            r.problems().stream().limit(MAX_LISTED).forEach(p -> out.append("\n• ").append(m.text(p)));
            if (r.problems().size() > MAX_LISTED) {
                out.append("\n• … and ").append(r.problems().size() - MAX_LISTED).append(" more");
            }
        }
        out.append("\n\n");
        if (r.storable() == 0) {
            out.append(m.italic("Nothing to store: no new question with an answer and claims passes the bank's checks."));
        } else {
            out.append(m.italic("Nothing is stored yet. Confirm with " + m.code("/study bank import confirm") + " within the hour to store the "
                    + count(r.storable(), "new answered question", "new answered questions") + " in deck " + m.text(r.deck())
                    + " (" + m.code("/study bank import confirm DECK") + " for another deck); the others are left out."));
        }
        return out.toString();
    }

    private void section(StringBuilder out, ImportReport report, ImportReport.Kind kind, String title) {
        List<ImportReport.Entry> entries = report.of(kind);
        if (entries.isEmpty()) {
            return;
        }
        out.append("\n").append(m.bold(title));
        for (ImportReport.Entry e : entries.subList(0, Math.min(MAX_LISTED, entries.size()))) {
            out.append("\n• ").append(m.text(report.file() + ":" + e.line())).append(e.problem().map(p -> ": " + m.text(p) + " —").orElse(""))
                    .append(" ").append(m.text(shorten(e.question(), 120)));
            e.match().ifPresent(id -> out.append(" → ").append(m.code(id)).append(String.format(Locale.ROOT, " (%.2f)", e.similarity())));
        }
        if (entries.size() > MAX_LISTED) {
            out.append("\n• … and ").append(entries.size() - MAX_LISTED).append(" more");
        }
    }

    private String suggestForm(Reply.SuggestForm reply) {
        return "Suggest a question with " + m.code("/study suggest question: … answer: … claims: … topic: … level: …")
                + ", or answer the form's fields one by one where the platform asks for them.";
    }

    private String suggestionQueue(Reply.SuggestionQueue reply) {
        if (reply.suggestions().isEmpty()) {
            return "No suggestions are waiting. Members suggest questions with " + m.code("/study suggest") + ".";
        }
        StringBuilder out = new StringBuilder(m.bold("Suggested questions")).append(" (oldest first; ")
                .append(m.code("/study suggestions approve N [deck]")).append(" or ").append(m.code("/study suggestions decline N REASON"))
                .append("):");
        for (Reply.SuggestionQueue.Queued q : reply.suggestions()) {
            Suggestion s = q.suggestion();
            out.append("\n\n").append(m.bold("#" + s.number())).append(" ").append(m.bold(m.text(s.question()))).append("\n")
                    .append(m.text(s.topic())).append(" · ").append(s.level().label()).append(" · by ").append(m.text(s.userName()))
                    .append(" · ").append(DAY.format(s.at().atZone(reply.zone())));
            out.append("\n").append(s.answered() ? "Answer: " + m.text(shorten(s.answer(), 200)) : m.italic("No answer given"));
            if (!s.claims().isEmpty()) {
                out.append("\nClaims: ").append(s.claims().stream().map(c -> m.text(String.join(", ", c))).collect(Collectors.joining("; ")));
            }
            if (!q.lookAlikes().isEmpty()) {
                out.append("\nLooks like ").append(q.lookAlikes().stream()
                        .map(l -> m.code(l.id()) + String.format(Locale.ROOT, " (%.2f)", l.similarity())).collect(Collectors.joining(", ")));
            }
        }
        return out.toString();
    }

    private static String shorten(String text, int max) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
