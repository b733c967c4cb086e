package dev.studybot.platform.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.studybot.domain.words.Installs;
import dev.studybot.port.platform.Workspaces;
import java.util.Optional;
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
        String where;
        if (team == null && enterprise != null) {
            // an organisation-wide install: every workspace of the organisation
            Optional<String> organisation = Optional.of(enterprise);
            workspaces = key -> SlackWorkspace.parse(key).enterprise().equals(organisation);
            where = "organisation " + enterprise;
        } else {
            SlackWorkspace ws = SlackWorkspace.of(enterprise, team);
            String key = ws.key(true);
            String teamKey = ws.key(false);
            workspaces = k -> k.equals(key) || k.equals(teamKey);
            where = "workspace " + key;
        }
        int paused = pause.pauseAll(SlackAdapter.NAME, workspaces, reason);
        people.forget(workspaces);
        LOG.info("Slack {}: {} removed its tokens; {} schedule(s) paused, its history kept", event, where, paused);
    }
}
