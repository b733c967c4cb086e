package dev.studybot.port.out;

/** A store could not do its work. {@code busy}: the database was locked past its timeout; trying later helps. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean busy;

    public StoreException(String message, boolean busy, Throwable cause) {
        super(message, cause);
        this.busy = busy;
    }

    public boolean busy() {
        return busy;
    }
}
