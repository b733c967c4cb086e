package dev.studybot.app;

import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.DeliveryException.Refusal;

/** A platform's refusal in words, for the pause notice and {@code /study schedule show}. */
final class Refusals {
    private Refusals() {
    }

    /** "studybot lacks the permission Send Messages in #general (Missing Permissions)". */
    static String describe(DeliveryException e) {
        String channel = e.place().orElse("the channel");
        String why = switch (e.refusal()) {
            case Refusal.MissingPermissions r -> r.permissions().isEmpty()
                    ? "studybot lacks a permission it needs in " + channel
                    : "studybot lacks the permission" + (r.permissions().size() == 1 ? " " : "s ") + String.join(", ", r.permissions())
                    + " in " + channel;
            case Refusal.ChannelGone r -> channel + " no longer exists or studybot cannot see it (invite studybot to private channels)";
            case Refusal.NotInChannel r -> "studybot is not a member of " + channel + " (invite it there)";
            case Refusal.ChannelArchived r -> channel + " is archived or locked";
            case Refusal.NotATextChannel r -> channel + " is not a text channel";
            case Refusal.RemovedFromWorkspace r -> "studybot is no longer a member of this workspace";
            case Refusal.TokenRejected r -> "the platform no longer accepts studybot's token";
            case Refusal.NotAllowed r -> "the platform does not let studybot post in " + channel;
            case Refusal.Unavailable r -> "the platform could not be reached";
        };
        return why + e.code().map(c -> " (" + c + ")").orElse("");
    }
}
