package dev.studybot.port.in;

/** Who sees the reply to a command: the whole channel, or the asker alone. */
public enum Visibility {
    CHANNEL, ASKER
}
