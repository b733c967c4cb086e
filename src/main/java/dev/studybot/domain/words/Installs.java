package dev.studybot.domain.words;

/**
 * What studybot says about installing it in a workspace: the install page, the pages the
 * installer lands on afterwards, and why a workspace's schedules paused when the app was removed.
 */
public final class Installs {
    public static final String PAGE_TITLE = "Add studybot to your Slack workspace";
    public static final String PITCH = "studybot posts one deep-learning interview question a day in the channels you choose. "
            + "Members answer in a form, see which key points they covered, reveal the model answer when they want it, "
            + "and compete on individual and team leaderboards.";
    public static final String ADD_BUTTON = "Add to Slack";
    public static final String PERMISSIONS = "Slack shows the permissions studybot asks for before you allow it:";
    public static final String DONE_TITLE = "studybot is installed";
    public static final String FAILED_TITLE = "studybot was not installed";
    public static final String TRY_AGAIN = "Try again";
    public static final String REMOVED = "studybot was removed from this workspace; add it again, then set the schedule again "
            + "with /study schedule set";
    public static final String TOKENS_REVOKED = "this workspace revoked studybot's token; add studybot again, then set the "
            + "schedule again with /study schedule set";

    private Installs() {
    }

    /** The answer to a command from a workspace where studybot is not installed (any more). */
    public static String notInstalled(String installPage) {
        return "studybot is not installed in this workspace. Add it from " + installPage + " and try again.";
    }

    /** The success page's sentence. */
    public static String done(String workspace) {
        return "studybot is now in " + workspace + ". Type /study help in any channel to start; a workspace admin sets the "
                + "daily question with /study schedule set weekdays 09:30 Europe/Berlin.";
    }

    /** The failure page's sentence: {@code reason} is Slack's or the check's code. */
    public static String failed(String reason) {
        String why = switch (reason) {
            case "access_denied" -> "you cancelled on Slack's page";
            case "invalid_state" -> "the link had expired or had already been used";
            case "invalid_code", "code_already_used" -> "Slack did not accept the authorization code";
            default -> "Slack answered " + reason;
        };
        return "The installation did not finish: " + why + ". Nothing was changed.";
    }
}
