package dev.studybot.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.studybot.analysis.LuceneTextAnalysis;
import dev.studybot.bank.BankReader;
import dev.studybot.bank.BankYaml;
import dev.studybot.bank.CoverageMatcher;
import dev.studybot.bank.ImportCheck;
import dev.studybot.bank.ImportException;
import dev.studybot.bank.ImportedList;
import dev.studybot.bank.ImportedQuestion;
import dev.studybot.bank.LoadedBank;
import dev.studybot.bank.MarkdownImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Turns Markdown question lists into bank YAML, or tells which bank questions already cover them. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Turn Markdown question lists into bank YAML (standard output, or --out FILE).",
                "With --against DIR, report for each question the bank question that covers it, or that it is new.",
                "With --check DIR, import every .md file in DIR and compare each with DIR/EXPECTED.json."})
public final class ImportCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Markdown question lists.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--check", paramLabel = "DIR",
            description = "Import every .md file in DIR and report questions and answered found against DIR/EXPECTED.json.")
    Path check;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the YAML to FILE instead of standard output (with --against: the new questions only).")
    Path out;

    @Option(names = "--against", paramLabel = "DIR", description = "Question folder to check the imported questions against.")
    Path against;

    @Option(names = "--json", description = "With --against: print the report as a JSON array of {file, line, question, match}.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** One line of the coverage report; {@code match} is the covering bank id, or null for a new question. */
    @JsonPropertyOrder({"file", "line", "question", "match"})
    record Coverage(String file, int line, String question, String match) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (json && against == null) {
            err.println("studybot: --json goes with --against DIR");
            err.flush();
            return 2;
        }
        MarkdownImporter importer = new MarkdownImporter();
        if (check != null) {
            if (!Files.isDirectory(check)) {
                err.println("studybot: " + check + ": not a folder");
                err.flush();
                return 1;
            }
            try {
                return new ImportCheckReport(spec.commandLine().getOut(), err).print(check, new ImportCheck(importer).run(check));
            } catch (IOException e) {
                err.println("studybot: " + check.resolve(ImportCheck.EXPECTED_FILE) + ": cannot read: " + e.getMessage().lines().findFirst().orElse(""));
                err.flush();
                return 1;
            }
        }
        if (files.isEmpty()) {
            err.println("studybot: import needs a FILE (or --check DIR)");
            err.flush();
            return 2;
        }
        List<ImportedQuestion> questions = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<ImportedList.Skipped> skipped = new ArrayList<>();
        for (Path file : files) {
            try {
                ImportedList list = importer.read(file);
                questions.addAll(list.questions());
                skipped.addAll(list.skipped());
            } catch (ImportException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> err.println("studybot: " + f));
            err.flush();
            return 1;
        }
        if (!skipped.isEmpty()) {
            skipped.forEach(s -> err.println("studybot: " + s + " (skipped)"));
            err.flush();
        }
        if (against == null) {
            emit(BankYaml.write(BankYaml.files(questions)));
            return 0;
        }
        LoadedBank bank = new BankReader().readFolder(against);
        if (bank.questions().isEmpty()) {
            err.println("studybot: " + against + ": no bank questions to check against"
                    + bank.problems().stream().findFirst().map(p -> " (" + p + ")").orElse(""));
            err.flush();
            return 1;
        }
        if (!bank.problems().isEmpty()) {
            err.println("studybot: " + against + " has " + bank.problems().size() + " problem(s) ('studybot validate "
                    + against + "' lists them); checking against the " + bank.questions().size() + " questions that load");
            err.flush();
        }
        CoverageMatcher matcher = new CoverageMatcher(bank.models(), new LuceneTextAnalysis());
        List<Coverage> report = new ArrayList<>();
        List<ImportedQuestion> fresh = new ArrayList<>();
        for (ImportedQuestion q : questions) {
            Optional<CoverageMatcher.Match> match = matcher.covering(q.text());
            report.add(new Coverage(q.file(), q.line(), q.text(), match.map(m -> m.question().id()).orElse(null)));
            if (match.isEmpty()) {
                fresh.add(q);
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            for (Coverage c : report) {
                stdout.println(c.file() + ":" + c.line() + ": " + (c.match() == null ? "new" : c.match()) + "  " + c.question());
            }
            long covered = report.stream().filter(c -> c.match() != null).count();
            long distinct = report.stream().map(Coverage::match).filter(m -> m != null).distinct().count();
            stdout.println();
            stdout.println(report.size() + " questions in " + files.size() + (files.size() == 1 ? " file: " : " files: ")
                    + covered + " covered by " + distinct + " bank questions, " + fresh.size() + " new");
        }
        stdout.flush();
        if (out != null) {
            Files.writeString(out, fresh.isEmpty() ? "" : BankYaml.write(BankYaml.files(questions, fresh::contains)), StandardCharsets.UTF_8);
        }
        return 0;
    }

    private void emit(String yaml) throws IOException {
        if (out != null) {
            Files.writeString(out, yaml, StandardCharsets.UTF_8);
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(yaml);
            stdout.flush();
        }
    }
}
