package dev.studybot.platform.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.model.Bot;
import com.slack.api.methods.MethodsClient;
import com.slack.api.token_rotation.RefreshedToken;
import com.slack.api.token_rotation.TokenRotationException;
import com.slack.api.token_rotation.TokenRotator;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.DeliveryException.Refusal;
import java.util.Optional;

/**
 * The Web API client of a workspace. A request carries its workspace's token (Bolt found it);
 * a post the core sends later looks the workspace's installation up in the shared store, and a
 * token about to expire is refreshed first, as Bolt does for requests, and stored back.
 */
interface SlackClients {
    /** The client of the workspace a request came from, with the token Bolt resolved for it. */
    MethodsClient withToken(String botToken);

    /** The client of a workspace, by the key of its references; refused when the app is not installed there. */
    MethodsClient of(String workspace) throws DeliveryException;

    /** Whether references name Enterprise Grid workspaces with their organisation. */
    boolean withEnterprise();

    /** One workspace, one token. */
    static SlackClients single(MethodsClient client) {
        return new SlackClients() {
            @Override
            public MethodsClient withToken(String botToken) {
                return client;
            }

            @Override
            public MethodsClient of(String workspace) {
                return client;
            }

            @Override
            public boolean withEnterprise() {
                return false;
            }
        };
    }

    /** Installed in many workspaces: each one's token from its installation. */
    final class Installed implements SlackClients {
        private final Slack slack;
        private final SlackInstallations installations;
        private final TokenRotator rotator;

        Installed(Slack slack, SlackInstallations installations, String clientId, String clientSecret) {
            this.slack = slack;
            this.installations = installations;
            this.rotator = new TokenRotator(slack.methods(), TokenRotator.DEFAULT_MILLISECONDS_BEFORE_EXPIRATION, clientId, clientSecret);
        }

        @Override
        public MethodsClient withToken(String botToken) {
            return slack.methods(botToken);
        }

        @Override
        public boolean withEnterprise() {
            return true;
        }

        @Override
        public MethodsClient of(String workspace) throws DeliveryException {
            SlackWorkspace ws = SlackWorkspace.parse(workspace);
            Bot bot = installations.findBot(ws.enterprise().orElse(null), ws.team());
            if (bot == null) {
                throw new DeliveryException(new Refusal.RemovedFromWorkspace(), null, "not_installed",
                        "studybot is not installed in Slack workspace " + workspace, null);
            }
            return slack.methods(fresh(bot), ws.team());
        }

        /** The bot's token, refreshed when it expires within the rotator's margin. */
        private String fresh(Bot bot) throws DeliveryException {
            if (bot.getBotRefreshToken() == null || bot.getBotTokenExpiresAt() == null) {
                return bot.getBotAccessToken();
            }
            try {
                Optional<RefreshedToken> refreshed = rotator.performTokenRotation(t -> t
                        .accessToken(bot.getBotAccessToken())
                        .refreshToken(bot.getBotRefreshToken())
                        .expiresAt(bot.getBotTokenExpiresAt()));
                if (refreshed.isEmpty()) {
                    return bot.getBotAccessToken();
                }
                bot.setBotAccessToken(refreshed.get().getAccessToken());
                bot.setBotRefreshToken(refreshed.get().getRefreshToken());
                bot.setBotTokenExpiresAt(refreshed.get().getExpiresAt());
                installations.saveBot(bot);
                return bot.getBotAccessToken();
            } catch (TokenRotationException e) {
                throw new DeliveryException(new Refusal.Unavailable(), "Slack did not refresh the workspace's token ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }
    }
}
