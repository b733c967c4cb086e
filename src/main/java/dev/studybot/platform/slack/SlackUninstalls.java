package dev.studybot.platform.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.studybot.domain.words.Installs;
import dev.studybot.port.platform.Workspaces;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workspace removing the app ({@code app_uninstalled}) or revoking its bot token
 * ({@code tokens_revoked}): its tokens are deleted, its schedules pause with the reason, and its
 * history (posts, answers, leaderboards, the installation rows) stays. Adding the app again
 * stores a new installation; the schedules stay paused until an admin sets them again, as after
 * any other refusal. Revoked user tokens change nothing: studybot keeps none.
 */
final class SlackUninstalls {
    private static final Logger LOG = LoggerFactory.getLogger(SlackUninstalls.class);

    private final SlackInstallations installations;
    private final Workspaces.SchedulePause pause;
    private final SlackPeople people;

    SlackUninstalls(SlackInstallations installations, Workspaces.SchedulePause pause, SlackPeople people) {
        this.installations = installations;
        this.pause = pause;
        this.people = people;
    }

    void register(App app) {
        app.event(AppUninstalledEvent.class, (req, ctx) -> {
            removed(ctx, Installs.REMOVED, "app_uninstalled");
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (req, ctx) -> {
            TokensRevokedEvent.Tokens tokens = req.getEvent().getTokens();
            if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                removed(ctx, Installs.TOKENS_REVOKED, "tokens_revoked");
            }
            return ctx.ack();
        });
    }

    private void removed(Context ctx, String reason, String event) {
        String enterprise = ctx.getEnterpriseId();
        String team = ctx.isEnterpriseInstall() ? null : ctx.getTeamId();
        installations.deleteAll(enterprise, team);
        Predicate<String> workspaces;
        if (team == null && enterprise != null) {
            String prefix = SlackWorkspace.of(enterprise, "T").key(true);
            String organisation = prefix.substring(0, prefix.length() - 1);
            workspaces = key -> key.startsWith(organisation);
        } else {
            SlackWorkspace ws = SlackWorkspace.of(enterprise, team);
            workspaces = key -> key.equals(ws.key(true)) || key.equals(ws.key(false));
        }
        int paused = pause.pauseAll(SlackAdapter.NAME, workspaces, reason);
        String where = team == null ? "organisation " + enterprise : "workspace " + SlackWorkspace.of(enterprise, team).key(true);
        if (team != null) {
            people.forget(SlackWorkspace.of(enterprise, team).key(true));
        }
        LOG.info("Slack {}: {} removed its tokens; {} schedule(s) paused, its history kept", event, where, paused);
    }
}
