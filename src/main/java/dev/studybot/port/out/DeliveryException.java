package dev.studybot.port.out;

/**
 * A platform did not take a message. {@code permanent} means trying again will not help
 * (missing permission, deleted channel): the schedule is paused and an admin told.
 */
public class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    public DeliveryException(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public DeliveryException(String reason, boolean permanent) {
        this(reason, permanent, null);
    }

    public boolean permanent() {
        return permanent;
    }
}
