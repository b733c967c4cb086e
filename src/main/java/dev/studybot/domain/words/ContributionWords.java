package dev.studybot.domain.words;

import java.util.List;
import java.util.Locale;

/** What the bot says about questions the team brings in from chat: imported lists and suggestions. */
public final class ContributionWords {
    private ContributionWords() {
    }

    public static String howToAttach(long maxBytes, List<String> types) {
        return "Send the list with the command: on Discord attach it to /study bank import; on Slack share the file with studybot in a "
                + "direct message (or in a channel, mentioning studybot), and the last file you shared is imported; in the console give its "
                + "path: /study bank import FILE [deck]. " + limits(maxBytes, types) + " Nothing is stored until you confirm.";
    }

    public static String limits(long maxBytes, List<String> types) {
        return "A list is one " + String.join(", ", types) + " file of UTF-8 text, up to " + size(maxBytes) + ".";
    }

    public static String wrongType(String file, List<String> types) {
        return "'" + file + "' is not a question list studybot reads: send a " + String.join(", ", types) + " file. Nothing was stored.";
    }

    public static String tooLarge(String file, long size, long maxBytes) {
        return "'" + file + "' is " + (size > 0 ? size(size) : "larger than " + size(maxBytes)) + "; a list may be at most " + size(maxBytes)
                + ". Split it and import the parts. Nothing was stored.";
    }

    public static String binary(String file, String why) {
        return "'" + file + "' is not text (" + why + "): send the list as UTF-8 Markdown or YAML. Nothing was stored.";
    }

    public static String unreadable(String file) {
        return "'" + file + "' could not be downloaded from the platform; please send it again. Nothing was stored.";
    }

    public static String notAList(String why) {
        return why + ". Nothing was stored.";
    }

    public static final String NOTHING_PENDING = "You have no import waiting: send a list with /study bank import first"
            + " (an import waits an hour for its confirm).";

    public static String stored(int count, String deck, List<String> ids, int more) {
        return "Stored " + count + (count == 1 ? " question" : " questions") + " in deck " + deck + ": " + String.join(", ", ids)
                + (more > 0 ? " and " + more + " more" : "") + ".";
    }

    public static String notStored(List<String> problems) {
        return "Nothing was stored: the questions no longer pass the bank's checks (" + String.join("; ", problems)
                + "). Fix the list and import it again.";
    }

    public static String suggestionQueued(long number) {
        return "Thank you! Your suggestion is #" + number + " in the queue; an admin will approve or decline it, and you will be told.";
    }

    public static String suggestionRefused(List<String> problems) {
        return "Your suggestion was not queued: " + String.join("; ", problems) + ".";
    }

    public static final String CLAIMS_NEED_ANSWER = "claims need a model answer that makes them; add the answer, or leave the claims out";

    public static String fieldTooLong(String field, int max, int length) {
        return "the " + field + " is at most " + max + " characters (it has " + length + ")";
    }

    public static String unknownLevel(String level) {
        return "'" + level + "' is not a level (use basic, intermediate or advanced)";
    }

    public static String notANumber(String typed) {
        return "'" + typed + "' is not a suggestion number; /study suggestions lists them (#1, #2, ...).";
    }

    public static String noSuggestion(long number) {
        return "There is no suggestion #" + number + " waiting in this workspace; /study suggestions lists those that are.";
    }

    public static String notApproved(long number, List<String> problems) {
        return "Suggestion #" + number + " was not approved and stays in the queue: " + String.join("; ", problems) + ".";
    }

    public static final String NO_ANSWER_YET = "it has no model answer yet, and a question of the bank needs one with its claims"
            + " (give them: /study suggestions approve N [deck] answer: ... claims: ...)";

    public static String approved(long number, String id, String deck, boolean told) {
        return "Approved suggestion #" + number + ": it is question " + id + " in deck " + deck + "."
                + (told ? " Its author was told." : " Its author could not be told by direct message.");
    }

    public static String declined(long number, boolean told) {
        return "Declined suggestion #" + number + "." + (told ? " Its author was told why." : " Its author could not be told by direct message.");
    }

    public static final String REASON_NEEDED = "Say why you decline it: /study suggestions decline N REASON. The member is told the reason.";

    public static String reasonTooLong(int max) {
        return "A reason is at most " + max + " characters.";
    }

    public static String toldApproved(String question, String id, String deck) {
        return "Your suggested question \"" + question + "\" was approved: it is now question " + id + " in deck " + deck + ". Thank you!";
    }

    public static String toldDeclined(String question, String reason) {
        return "Your suggested question \"" + question + "\" was declined. The reason: " + reason;
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace(".0 MB", " MB");
        }
        return bytes >= 1024 ? (bytes + 1023) / 1024 + " KB" : bytes + " bytes";
    }
}
