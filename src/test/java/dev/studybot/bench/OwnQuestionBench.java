package dev.studybot.bench;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.TeamQuestion;
import dev.studybot.support.TestBot;
import dev.studybot.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * What a question form costs on the production wiring (a SQLite file, the question folder given,
 * default {@code questions}): a form the bank check rejects (every check run, nothing stored), an
 * edit that is stored (checks, the write, the workspace's view rebuilt), and the first search after
 * a change (the workspace's search index built again over the bank and its own questions). Slack
 * waits for the first two before it acks a submission, so they must stay well under 3 seconds.
 */
public final class OwnQuestionBench {
    private static final int WARM_UP = 30;
    private static final int RUNS = 100;

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "questions");
        Path dir = Files.createTempDirectory("own-question-bench");
        Wiring.Options options = Wiring.Options.of(TestBot.config(Map.of()), Clock.systemUTC()).withPaths(dir.resolve("bench.db"), folder);
        ChannelRef channel = TestBot.channel("bench");
        Actor admin = new Actor("ada", "ada", true, Set.of());
        try (Wiring wiring = new Wiring(options)) {
            wiring.register(new FakePlatform(TestBot.PLATFORM));
            wiring.start();
            QuestionDraft draft = new QuestionDraft("team", Optional.empty(), TeamQuestion.QUESTION, TeamQuestion.ANSWER, TeamQuestion.CLAIMS,
                    TeamQuestion.TOPIC, "level: basic\nid: team-review");
            long first = System.nanoTime();
            Reply added = wiring.bot().handle(new Command(channel, admin, new Action.QuestionSubmit(draft))).reply();
            System.out.printf(Locale.ROOT, "%-48s %7.2f ms%n", "first form after start (terms of the bank read)", (System.nanoTime() - first) / 1e6);
            if (!(added instanceof Reply.Notice)) {
                throw new IllegalStateException("the form was not stored: " + added);
            }
            int bank = wiring.bot().handleText(channel, admin, "/study topics").reply() instanceof Reply.Topics t
                    ? t.topics().stream().mapToInt(c -> c.basic() + c.intermediate() + c.advanced()).sum() : 0;
            // a question of its own (no repeat), whose claim the answer does not make: every check runs
            QuestionDraft rejected = draft.with(QuestionDraft.Field.QUESTION, "What does a second pair of eyes find in a pull request?")
                    .with(QuestionDraft.Field.CLAIMS, "Gradients are clipped. | gradient clipping").with(QuestionDraft.Field.DETAILS, "level: basic");
            QuestionDraft edit = new QuestionDraft("team", Optional.of("team-review"), draft.question(), draft.answer(), draft.claims(),
                    draft.topic(), draft.details());
            int[] n = {0};
            report("rejected form (all checks, nothing stored)", time(() -> {
                wiring.bot().handle(new Command(channel, admin, new Action.QuestionSubmit(rejected)));
                return 0;
            }));
            report("stored edit (checks, write, view dropped)", time(() -> {
                n[0]++;
                wiring.bot().handle(new Command(channel, admin,
                        new Action.QuestionSubmit(edit.with(QuestionDraft.Field.ANSWER, draft.answer() + " Run " + n[0] + "."))));
                return 0;
            }));
            report("first search after a change (index rebuilt)", time(() -> {
                n[0]++;
                wiring.bot().handle(new Command(channel, admin,
                        new Action.QuestionSubmit(edit.with(QuestionDraft.Field.ANSWER, draft.answer() + " Run " + n[0] + "."))));
                long t0 = System.nanoTime();
                wiring.bot().handleText(channel, admin, "/study search data leakage review");
                return (int) ((System.nanoTime() - t0) / 1000);
            }));
            System.out.printf(Locale.ROOT, "(%d questions in the workspace: the bank of %s and one of its own)%n", bank, folder);
        }
    }

    /** Milliseconds per run; a run that returns a positive number of microseconds is measured by that instead. */
    private static double[] time(IntSupplier run) {
        double[] out = new double[RUNS];
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long t0 = System.nanoTime();
            int micros = run.getAsInt();
            double ms = micros > 0 ? micros / 1000.0 : (System.nanoTime() - t0) / 1e6;
            if (i >= WARM_UP) {
                out[i - WARM_UP] = ms;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static void report(String what, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-48s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", what, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1], sorted[sorted.length - 1]);
    }
}
