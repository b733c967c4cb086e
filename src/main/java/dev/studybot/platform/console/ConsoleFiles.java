package dev.studybot.platform.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files the console writes for what a terminal cannot show (charts, exported decks). */
final class ConsoleFiles {
    private ConsoleFiles() {
    }

    /**
     * Writes the bytes whole under another name, then moves them into place, so a reader never
     * opens half a file; the umask's permissions, as for any file. The absolute path written.
     */
    static Path write(Path folder, String fileName, byte[] bytes) throws IOException {
        Path file = folder.resolve(fileName).toAbsolutePath();
        Files.createDirectories(folder);
        Path part = folder.resolve("." + fileName + ".part");
        Files.write(part, bytes);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
