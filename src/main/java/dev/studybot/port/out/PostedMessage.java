package dev.studybot.port.out;

import java.util.Optional;

/** Where a platform put a message: its id and, when one was opened, its thread's id. */
public record PostedMessage(String messageRef, Optional<String> threadRef) {
    public PostedMessage {
        threadRef = threadRef == null ? Optional.empty() : threadRef;
    }
}
