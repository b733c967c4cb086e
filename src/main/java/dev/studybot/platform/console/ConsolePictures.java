package dev.studybot.platform.console;

import dev.studybot.domain.Picture;
import java.io.IOException;
import java.nio.file.Path;

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
            return "[chart " + ConsoleFiles.write(folder, picture.fileName(), picture.png()) + "] " + picture.altText();
        } catch (IOException | RuntimeException e) {
            return "[chart not written to " + file + ": " + e.getMessage() + "] " + picture.altText();
        }
    }
}
