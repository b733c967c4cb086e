package dev.studybot.platform.discord;

import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.DeliveryException.Refusal;
import java.util.EnumSet;
import java.util.List;
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
            return new DeliveryException(new Refusal.MissingPermissions(List.of(e.getPermission().getName())), where, null,
                    "missing " + e.getPermission().getName() + " in " + where, e);
        }
        if (t instanceof MissingAccessException e) {
            return new DeliveryException(new Refusal.MissingPermissions(List.of(e.getPermission().getName())), where, null,
                    "cannot see " + where + " (needs " + e.getPermission().getName() + ")", e);
        }
        if (t instanceof ErrorResponseException e) {
            int http = e.getResponse() == null ? 0 : e.getResponse().code;
            String detail = "Discord refused the message in " + where + ": " + e.getMeaning() + " (code " + e.getErrorCode() + ", HTTP " + http + ")";
            return new DeliveryException(refusal(e.getErrorResponse(), http), where, e.getMeaning(), detail, e);
        }
        return new DeliveryException(new Refusal.Unavailable(), "Discord could not be reached for " + where + ": " + t, t);
    }

    static Refusal refusal(ErrorResponse error, int http) {
        return switch (error) {
            case MISSING_ACCESS -> new Refusal.ChannelGone();
            case MISSING_PERMISSIONS -> new Refusal.MissingPermissions(List.of());
            case UNKNOWN_CHANNEL, UNKNOWN_MESSAGE -> new Refusal.ChannelGone();
            case UNKNOWN_GUILD -> new Refusal.RemovedFromWorkspace();
            case THREAD_LOCKED -> new Refusal.ChannelArchived();
            default -> PERMANENT.contains(error) || http == 403 || http == 404
                    ? new Refusal.NotAllowed() : new Refusal.Unavailable();
        };
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
