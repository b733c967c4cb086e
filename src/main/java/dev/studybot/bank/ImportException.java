package dev.studybot.bank;

/** A file that cannot be imported, with the reason in one line. */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImportException(String file, String reason) {
        super(file + ": " + reason);
    }
}
