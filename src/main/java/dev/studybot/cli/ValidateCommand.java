package dev.studybot.cli;

import dev.studybot.bank.BankReader;
import dev.studybot.bank.BankValidator;
import dev.studybot.bank.LoadedBank;
import dev.studybot.bank.Problem;
import dev.studybot.analysis.LuceneTextAnalysis;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks a question folder and prints every problem as {@code file:line: problem}. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = {
        "Check the question bank; exit 1 if it has problems.",
        "Reports YAML errors, duplicate ids, repeated or near-duplicate questions, missing answers or rubrics, "
                + "claims the answer does not make, phrasings the question gives away, and unknown levels or topics (topics.yaml lists the topics)."})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Question folder (default: questions).")
    Path folder = Path.of("questions");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadedBank bank = new BankReader().readFolder(folder);
        List<Problem> problems = new BankValidator(new LuceneTextAnalysis()).validate(bank);
        PrintWriter out = spec.commandLine().getOut();
        problems.forEach(out::println);
        out.println(bank.questions().size() + " questions, " + problems.size() + " problems");
        out.flush();
        return problems.isEmpty() ? 0 : 1;
    }
}
