package dev.studybot.bank;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the question folder and calls back once its question files have been quiet for a
 * while: an editor's save, or a copy of many files, is one reload, not one per write. Files that
 * are no question files (an editor's swap file) are ignored.
 */
public final class BankWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BankWatcher.class);

    private final WatchService service;
    private final Path folder;
    private final Duration quiet;
    private final Runnable onChange;
    private final Thread thread;

    private BankWatcher(WatchService service, Path folder, Duration quiet, Runnable onChange) {
        this.service = service;
        this.folder = folder;
        this.quiet = quiet;
        this.onChange = onChange;
        this.thread = Thread.ofPlatform().daemon().name("bank-watcher").unstarted(this::run);
    }

    /** Starts watching {@code folder}; {@code onChange} runs on the watcher's thread, {@code quiet} after the last change. */
    public static BankWatcher start(Path folder, Duration quiet, Runnable onChange) throws IOException {
        WatchService service = folder.getFileSystem().newWatchService();
        try {
            folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        BankWatcher watcher = new BankWatcher(service, folder, quiet, onChange);
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean relevant = drain(key);
                // wait for quiet: every further change in the window starts it again
                WatchKey more;
                while ((more = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(more);
                }
                if (relevant) {
                    try {
                        onChange.run();
                    } catch (RuntimeException e) {
                        LOG.error("Question bank: reloading {} failed", folder, e);
                    }
                }
                if (!key.isValid()) {
                    LOG.warn("Question bank: {} can no longer be watched; /study bank reload still reads it", folder);
                    return;
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the bot is stopping
        }
    }

    /** Takes a key's events and resets it; true when one of them is about a question file (or events were lost). */
    private static boolean drain(WatchKey key) {
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            relevant |= event.kind() == StandardWatchEventKinds.OVERFLOW
                    || event.context() instanceof Path p && BankFiles.isQuestionFile(p.getFileName().toString());
        }
        key.reset();
        return relevant;
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
