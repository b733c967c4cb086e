package dev.studybot.domain;

import java.io.IOException;
import java.util.Objects;

/**
 * A file a member attached to a command: its name, the size the platform declares (-1 when it
 * declares none), and how to read it. The core checks the name and size before it reads, and
 * reads no more than its limit.
 */
public record Upload(String name, long size, Source source) {
    public Upload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    /** Where the file's bytes come from: the platform's download, or a local file. */
    @FunctionalInterface
    public interface Source {
        /** At most {@code limit + 1} bytes of the file, so that a reader can tell a file over the limit. */
        byte[] read(long limit) throws IOException;
    }
}
