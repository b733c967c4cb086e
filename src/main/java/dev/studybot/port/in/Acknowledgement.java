package dev.studybot.port.in;

/**
 * How an adapter acknowledges a command before the core's reply is ready, decided by the core
 * from the command alone: with a reply the channel will see, one only the asker sees, or by
 * opening the answer form (which a platform cannot open after deferring).
 */
public enum Acknowledgement {
    CHANNEL, ASKER, FORM;

    public Visibility visibility() {
        return this == CHANNEL ? Visibility.CHANNEL : Visibility.ASKER;
    }
}
