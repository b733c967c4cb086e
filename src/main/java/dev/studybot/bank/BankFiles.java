package dev.studybot.bank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bank folder file by file, remembering the version of each file that was last taken. Reading
 * it again takes every file as it is now, except that a file whose new version has problems keeps
 * the version taken before (its problems are reported, its questions stay as they were); a file
 * never taken before loads what passes, as at start. Duplicate ids across files are skipped after
 * the first, as {@link BankReader#readFolder} does.
 */
public final class BankFiles {
    private final BankReader reader;
    private final BankLists lists = new BankLists();
    private final Path folder;
    private static final Versions NONE = new Versions(Map.of(), Optional.empty(), Optional.empty());
    private Versions taken = NONE;

    public BankFiles(BankReader reader, Path folder) {
        this.reader = reader;
        this.folder = folder;
    }

    /** What a reading found: the bank as it would be, the files that keep their last version, and what to {@link #take}. */
    public record Reading(LoadedBank bank, List<String> kept, Versions versions) {
        public Reading {
            kept = List.copyOf(kept);
        }

        /** A bank read some other way (the one built into the jar), with nothing remembered. */
        public static Reading of(LoadedBank bank) {
            return new Reading(bank, List.of(), NONE);
        }
    }

    /** Each file's version by its path, and the topics and synonyms lists (empty when the folder had none). */
    public record Versions(Map<String, LoadedBank> files, Optional<List<String>> topics, Optional<List<List<String>>> synonyms) {
        public Versions {
            files = Map.copyOf(files);
        }
    }

    /** The folder as it is now, measured against the versions last taken; nothing is remembered until {@link #take}. */
    public synchronized Reading read() {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add(new Problem(folder.toString(), 0, "not a folder of question files"));
            return new Reading(new LoadedBank(List.of(), problems), List.of(), taken);
        }
        List<Path> paths;
        try (Stream<Path> list = Files.list(folder)) {
            paths = list.filter(p -> isQuestionFile(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(folder.toString(), 0, "cannot list: " + e.getMessage()));
            return new Reading(new LoadedBank(List.of(), problems), List.of(), taken);
        }
        List<String> kept = new ArrayList<>();
        Map<String, LoadedBank> files = new HashMap<>();
        Optional<List<String>> topics = Optional.empty();
        Optional<List<List<String>>> synonyms = Optional.empty();
        List<LoadedBank.Located> questions = new ArrayList<>();
        List<LoadedBank.TopicDeclaration> declarations = new ArrayList<>();
        Map<String, LoadedBank.Located> seen = new HashMap<>();
        for (Path path : paths) {
            String name = path.getFileName().toString();
            String file = path.toString();
            List<Problem> found = new ArrayList<>();
            boolean keeps;
            if (name.equals(BankReader.TOPICS_FILE)) {
                List<String> read = lists.topics(path, found);
                keeps = !found.isEmpty() && taken.topics().isPresent();
                topics = Optional.of(keeps ? taken.topics().get() : read);
            } else if (name.equals(BankReader.SYNONYMS_FILE)) {
                List<List<String>> read = lists.synonyms(path, found);
                keeps = !found.isEmpty() && taken.synonyms().isPresent();
                synonyms = Optional.of(keeps ? taken.synonyms().get() : read);
            } else {
                LoadedBank now = name.endsWith(".md") ? reader.readMarkdown(path) : reader.readFile(path);
                found.addAll(now.problems());
                LoadedBank before = taken.files().get(file);
                // a new version that takes an id another file has is as broken as one with a syntax error
                boolean clashes = now.questions().stream().anyMatch(q -> seen.containsKey(q.question().id()));
                keeps = before != null && (!found.isEmpty() || clashes);
                LoadedBank version = keeps ? before : now;
                files.put(file, version);
                declarations.addAll(version.files());
                for (LoadedBank.Located q : keeps && clashes ? now.questions() : List.<LoadedBank.Located>of()) {
                    if (seen.containsKey(q.question().id())) {
                        found.add(duplicate(q, seen.get(q.question().id())));
                    }
                }
                for (LoadedBank.Located q : version.questions()) {
                    LoadedBank.Located first = seen.putIfAbsent(q.question().id(), q);
                    if (first != null) {
                        found.add(duplicate(q, first));
                    } else {
                        questions.add(q);
                    }
                }
            }
            if (keeps) {
                kept.add(file);
            }
            problems.addAll(found);
        }
        LoadedBank bank = new LoadedBank(questions, problems, declarations, topics, synonyms.orElse(List.of()));
        return new Reading(bank, kept, new Versions(files, topics, synonyms));
    }

    /** Remembers a reading's versions: the next reading measures against them. */
    public synchronized void take(Reading reading) {
        taken = reading.versions();
    }

    private static Problem duplicate(LoadedBank.Located q, LoadedBank.Located first) {
        return new Problem(q.file(), q.line(), "duplicate id '" + q.question().id() + "' (first at " + first.file() + ":" + first.line()
                + "); this one is skipped");
    }

    static boolean isQuestionFile(String name) {
        return name.matches(".*\\.(ya?ml|md)");
    }
}
