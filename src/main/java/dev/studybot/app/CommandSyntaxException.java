package dev.studybot.app;

/** Text that is not a valid {@code /study} command; the message says what is wrong. */
public class CommandSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandSyntaxException(String message) {
        super(message);
    }
}
