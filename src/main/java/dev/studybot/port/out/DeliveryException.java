package dev.studybot.port.out;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform did not take a message, and why as a typed {@link Refusal}: the core decides what
 * follows (pause the schedule, try again) and puts it into words. The message is detail for logs.
 */
public class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Refusal refusal;
    private final String place;
    private final String code;

    /**
     * @param place where, as members know it ("#general"), or null
     * @param code  the platform's own error, for an admin to look up ("channel_not_found"), or null
     */
    public DeliveryException(Refusal refusal, String place, String code, String detail, Throwable cause) {
        super(detail, cause);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        this.place = place;
        this.code = code;
    }

    public DeliveryException(Refusal refusal, String detail, Throwable cause) {
        this(refusal, null, null, detail, cause);
    }

    public DeliveryException(Refusal refusal, String detail) {
        this(refusal, null, null, detail, null);
    }

    public Refusal refusal() {
        return refusal;
    }

    public Optional<String> place() {
        return Optional.ofNullable(place);
    }

    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** Trying again will not help (a missing permission, a deleted channel): the schedule pauses and an admin is told. */
    public boolean permanent() {
        return refusal.permanent();
    }

    /** Why a platform did not take a message. */
    public sealed interface Refusal {
        /** Whether only a person can fix it; passing failures are tried again. */
        default boolean permanent() {
            return true;
        }

        /** studybot lacks these permissions (in the platform's own names; empty when it did not say which). */
        record MissingPermissions(List<String> permissions) implements Refusal {
            public MissingPermissions {
                permissions = List.copyOf(permissions);
            }
        }

        /** The channel was deleted, or studybot can no longer see it. */
        record ChannelGone() implements Refusal {
        }

        /** studybot has to be invited to the channel. */
        record NotInChannel() implements Refusal {
        }

        /** The channel is archived. */
        record ChannelArchived() implements Refusal {
        }

        /** The channel takes no messages (a voice or category channel). */
        record NotATextChannel() implements Refusal {
        }

        /** studybot was removed from the workspace or server. */
        record RemovedFromWorkspace() implements Refusal {
        }

        /** The platform no longer accepts studybot's token. */
        record TokenRejected() implements Refusal {
        }

        /** The platform's rules for that channel or workspace forbid the post. */
        record NotAllowed() implements Refusal {
        }

        /** The platform could not be reached or failed for a passing reason: try again. */
        record Unavailable() implements Refusal {
            @Override
            public boolean permanent() {
                return false;
            }
        }
    }
}
