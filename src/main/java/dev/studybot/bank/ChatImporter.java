package dev.studybot.bank;

import dev.studybot.domain.ImportReport;
import dev.studybot.domain.Level;
import dev.studybot.domain.Question;
import dev.studybot.port.out.LikeQuestions;
import dev.studybot.port.out.ListImporter;
import dev.studybot.port.out.QuestionCodec;
import dev.studybot.port.out.TextAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question list sent in chat, read as {@code studybot import --against} reads one: a Markdown
 * list through {@link MarkdownImporter} (a question without a level gets intermediate), bank YAML
 * through {@link BankReader}; every question is then checked as a bank file is
 * ({@link BankValidator}) and against the workspace's questions ({@link CoverageMatcher}).
 */
public final class ChatImporter implements ListImporter, LikeQuestions {
    /** From this coverage score on, a new question is named as near one the workspace has. */
    static final double NEAR = 0.25;

    private final MarkdownImporter importer = new MarkdownImporter();
    private final BankReader reader = new BankReader();
    private final BankValidator validator;
    /** Every list and suggestion is compared with the workspace's questions: one long-lived reader remembers their terms. */
    private final Terms terms;
    private final QuestionCodec codec;

    public ChatImporter(TextAnalysis analysis, QuestionCodec codec) {
        this.terms = new Terms(analysis);
        this.validator = new BankValidator(analysis);
        this.codec = codec;
    }

    @Override
    public Imported read(String file, String text, List<Question> against, Set<String> takenIds) {
        String lower = file.toLowerCase(Locale.ROOT);
        boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
        List<String> problems = new ArrayList<>();
        String bankText;
        Map<String, Integer> sourceLine = new HashMap<>();
        if (yaml) {
            bankText = text;
        } else {
            ImportedList list;
            try {
                list = importer.readText(file, text);
            } catch (ImportException e) {
                return new Imported(List.of(), List.of(e.getMessage()), "");
            }
            list.skipped().forEach(s -> problems.add(s + " (skipped)"));
            List<ImportedQuestion> questions = list.questions().stream().map(ChatImporter::leveled).toList();
            List<String> ids = ImportIds.assign(questions, lowerCase(takenIds));
            for (int i = 0; i < questions.size(); i++) {
                sourceLine.put(ids.get(i), questions.get(i).line());
            }
            bankText = BankYaml.write(BankYaml.files(questions, q -> true, lowerCase(takenIds)));
        }
        LoadedBank loaded = reader.read(file, bankText);
        List<Problem> found = validator.validate(loaded);
        List<LoadedBank.Located> located = loaded.questions().stream().sorted(Comparator.comparingInt(LoadedBank.Located::line)).toList();
        Map<LoadedBank.Located, String> problemOf = new HashMap<>();
        // a list's problems name the lines of the list, not of the YAML made from it
        Map<Integer, Integer> listLine = new HashMap<>();
        located.forEach(l -> listLine.put(l.line(), sourceLine.getOrDefault(l.question().id(), l.line())));
        for (Problem p : found) {
            Optional<LoadedBank.Located> owner = located.stream().filter(l -> l.line() <= p.line()).reduce((a, b) -> b);
            String message = yaml ? p.message() : relined(file, p.message(), listLine);
            if (owner.isPresent() && p.message().contains("'" + owner.get().question().id() + "'")) {
                problemOf.merge(owner.get(), message, (a, b) -> a + "; " + b);
            } else if (yaml) {
                problems.add(p.toString());
            } else {
                // the YAML was made from the list, so a problem outside every question is about the list as a whole
                problems.add(file + ": " + message);
            }
        }
        if (located.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(file + ": holds no question");
            }
            return new Imported(List.of(), problems, "");
        }
        CoverageMatcher matcher = new CoverageMatcher(against, terms, CoverageMatcher.DEFAULT_THRESHOLD);
        List<ImportReport.Entry> entries = new ArrayList<>();
        List<Question> storable = new ArrayList<>();
        Set<String> taken = lowerCase(takenIds);
        for (LoadedBank.Located l : located) {
            Question q = l.question();
            int line = yaml ? l.line() : sourceLine.getOrDefault(q.id(), l.line());
            List<CoverageMatcher.Match> ranked = matcher.ranked(q.text());
            Optional<CoverageMatcher.Match> best = ranked.stream().findFirst();
            ImportReport.Entry entry;
            if (best.isPresent() && best.get().score() >= CoverageMatcher.DEFAULT_THRESHOLD) {
                entry = entry(line, q, ImportReport.Kind.COVERED, best, Optional.empty());
            } else if (!q.hasAnswer()) {
                entry = entry(line, q, ImportReport.Kind.UNANSWERED, Optional.empty(), Optional.empty());
            } else if (problemOf.containsKey(l)) {
                entry = entry(line, q, ImportReport.Kind.PROBLEM, Optional.empty(), Optional.of(problemOf.get(l)));
            } else if (taken.contains(q.id().toLowerCase(Locale.ROOT))) {
                entry = entry(line, q, ImportReport.Kind.PROBLEM, Optional.empty(), Optional.of("the id '" + q.id()
                        + "' is taken in this workspace (ids are never reused); give the question another id"));
            } else {
                boolean near = best.isPresent() && best.get().score() >= NEAR;
                entry = entry(line, q, near ? ImportReport.Kind.NEAR : ImportReport.Kind.NEW, near ? best : Optional.empty(), Optional.empty());
                storable.add(q);
            }
            entries.add(entry);
        }
        entries.sort(Comparator.comparingInt(ImportReport.Entry::line));
        return new Imported(entries, problems, storable.isEmpty() ? "" : codec.encode(storable));
    }

    @Override
    public List<List<Like>> like(List<String> texts, List<Question> against, int max) {
        CoverageMatcher matcher = new CoverageMatcher(against, terms, CoverageMatcher.DEFAULT_THRESHOLD);
        return texts.stream().map(t -> matcher.ranked(t).stream().filter(m -> m.score() >= NEAR).limit(max)
                .map(m -> new Like(m.question().id(), m.score())).toList()).toList();
    }

    private static ImportReport.Entry entry(int line, Question q, ImportReport.Kind kind, Optional<CoverageMatcher.Match> match,
                                            Optional<String> problem) {
        return new ImportReport.Entry(line, q.text(), kind, match.map(m -> m.question().id()), match.map(CoverageMatcher.Match::score).orElse(0.0),
                problem);
    }

    /** {@code file:N} in a message, with N a line of the YAML made from the list, as the list's own line. */
    private static String relined(String file, String message, Map<Integer, Integer> listLine) {
        Matcher m = Pattern.compile(Pattern.quote(file) + ":(\\d+)").matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int line = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(file + ":" + listLine.getOrDefault(line, line)));
        }
        return m.appendTail(out).toString();
    }

    private static ImportedQuestion leveled(ImportedQuestion q) {
        return q.level().isPresent() ? q : new ImportedQuestion(q.file(), q.line(), q.topic(), Optional.of(Level.INTERMEDIATE), q.text(),
                q.answer(), q.keyPoints(), q.choices());
    }

    private static Set<String> lowerCase(Set<String> ids) {
        return Set.copyOf(ids.stream().map(i -> i.toLowerCase(Locale.ROOT)).toList());
    }
}
