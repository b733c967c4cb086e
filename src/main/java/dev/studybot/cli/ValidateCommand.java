package dev.studybot.cli;

import dev.studybot.bank.BankReader;
import dev.studybot.bank.LoadedBank;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Checks a question folder and prints every problem as {@code file:line: problem}. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check the question bank; exit 1 if it has problems.")
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Question folder (default: questions).")
    Path folder = Path.of("questions");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadedBank bank = new BankReader().readFolder(folder);
        bank.problems().forEach(p -> spec.commandLine().getOut().println(p));
        spec.commandLine().getOut().println(bank.questions().size() + " questions, " + bank.problems().size() + " problems");
        spec.commandLine().getOut().flush();
        return bank.problems().isEmpty() ? 0 : 1;
    }
}
