package dev.studybot.bank;

/** Something wrong in a question file, where it is: printed as {@code file:line: message}. */
public record Problem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
