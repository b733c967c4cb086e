package dev.studybot.wiring;

import dev.studybot.bank.BankFiles;
import dev.studybot.bank.LiveQuestionBank;
import dev.studybot.bank.Problem;
import dev.studybot.domain.BankReload;
import dev.studybot.port.out.BankReloader;
import dev.studybot.search.LiveQuestionSearch;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloading the question folder: the files read again (a broken file keeps its last good version),
 * then the bank and the search index replaced together. One reload at a time, whether the command
 * or the folder's watcher asked. A folder that holds no question any more changes nothing.
 */
final class LiveBank implements BankReloader {
    private static final Logger LOG = LoggerFactory.getLogger(LiveBank.class);

    private final BankFiles files;
    private final LiveQuestionBank bank;
    private final LiveQuestionSearch search;

    LiveBank(BankFiles files, LiveQuestionBank bank, LiveQuestionSearch search) {
        this.files = files;
        this.bank = bank;
        this.search = search;
    }

    @Override
    public synchronized Optional<BankReload> reload() {
        BankFiles.Reading reading = files.read();
        List<String> problems = reading.bank().problems().stream().map(Problem::toString).toList();
        problems.forEach(p -> LOG.warn("Question bank: {}", p));
        reading.kept().forEach(f -> LOG.warn("Question bank: {} has problems; its last good version stays live", f));
        if (reading.bank().questions().isEmpty()) {
            LOG.warn("Question bank: the folder holds no questions now; the bank stays as it was");
            return Optional.of(new BankReload(false, bank.all().size(), bank.topics().size(), List.of(), List.of(), List.of(),
                    problems, reading.kept()));
        }
        files.take(reading);
        // the index first: once the bank serves a question, search finds it
        search.rebuild(reading.bank().models(), reading.bank().synonyms());
        LiveQuestionBank.Change change = bank.replace(reading.bank().models());
        LOG.info("Question bank reloaded: {} questions in {} topics ({} new, {} changed, {} removed)", bank.all().size(),
                bank.topics().size(), change.added().size(), change.changed().size(), change.removed().size());
        return Optional.of(new BankReload(true, bank.all().size(), bank.topics().size(), change.added(), change.changed(),
                change.removed(), problems, reading.kept()));
    }
}
