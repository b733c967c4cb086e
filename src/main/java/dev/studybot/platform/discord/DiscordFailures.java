package dev.studybot.platform.discord;

import dev.studybot.port.out.DeliveryException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.MissingAccessException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Sorts Discord's refusals: a missing permission, a channel or server that is gone, a locked or
 * archived thread are permanent (the schedule pauses until an admin acts); an outage, a
 * server error or a lost connection is not (the post is tried again).
 */
final class DiscordFailures {
    private static final Set<ErrorResponse> PERMANENT = EnumSet.of(
            ErrorResponse.MISSING_ACCESS, ErrorResponse.MISSING_PERMISSIONS, ErrorResponse.UNKNOWN_CHANNEL,
            ErrorResponse.UNKNOWN_GUILD, ErrorResponse.UNKNOWN_MESSAGE, ErrorResponse.THREAD_LOCKED,
            ErrorResponse.CANNOT_SEND_TO_USER, ErrorResponse.INVALID_FORM_BODY, ErrorResponse.MAX_ACTIVE_THREADS);

    private DiscordFailures() {
    }

    static DeliveryException delivery(String where, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof InsufficientPermissionException e) {
            return new DeliveryException("studybot lacks the " + e.getPermission().getName() + " permission in " + where, true, e);
        }
        if (t instanceof MissingAccessException e) {
            return new DeliveryException("studybot cannot see " + where + " (it needs " + e.getPermission().getName() + ")", true, e);
        }
        if (t instanceof ErrorResponseException e) {
            int http = e.getResponse() == null ? 0 : e.getResponse().code;
            boolean permanent = PERMANENT.contains(e.getErrorResponse()) || http == 403 || http == 404;
            return new DeliveryException("Discord refused the message in " + where + ": " + e.getMeaning()
                    + " (code " + e.getErrorCode() + ", HTTP " + http + ")", permanent, e);
        }
        return new DeliveryException("Discord could not be reached for " + where + ": " + t, false, t);
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
