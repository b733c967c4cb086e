package dev.studybot.platform.console;

import dev.studybot.domain.Picture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a reply's picture into the charts folder and says where, since a terminal cannot show it. */
final class ConsolePictures {
    private final Path folder;

    ConsolePictures(Path folder) {
        this.folder = folder;
    }

    /** The line that names the written file and what it shows, or why it could not be written. */
    String write(Picture picture) {
        Path file = folder.resolve(picture.fileName()).toAbsolutePath();
        try {
            Files.createDirectories(folder);
            // written whole under another name, then moved, so a viewer never opens half a file; the umask's permissions, as for any file
            Path part = folder.resolve("." + picture.fileName() + ".part");
            Files.write(part, picture.png());
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return "[chart " + file + "] " + picture.altText();
        } catch (IOException | RuntimeException e) {
            return "[chart not written to " + file + ": " + e.getMessage() + "] " + picture.altText();
        }
    }
}
