package dev.studybot.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a chat app installed in many workspaces keeps each installation: the bot token (and the
 * refresh token and expiry when tokens rotate), its scopes, the workspace and Enterprise Grid
 * organisation, and who installed it. Each installation is kept as a new row; the latest with a
 * token is the one in use, older ones are history. Removing a workspace's tokens keeps its rows.
 * Tokens are stored as given: the caller encrypts them if it wants them encrypted at rest.
 */
public interface InstallationStore {
    /** Records a new installation, the one in use for its workspace from now on. */
    void save(Installation installation);

    /**
     * The installation in use for a workspace: {@code team} of {@code enterprise} (empty outside
     * Enterprise Grid); with no installation of that workspace alone, the organisation-wide one of
     * {@code enterprise}. Empty when none has a token.
     */
    Optional<Installation> find(Optional<String> enterprise, Optional<String> team);

    /** Replaces the token of the installation in use (after a rotation); false when there is none. */
    boolean rotate(Optional<String> enterprise, Optional<String> team, String botToken, Optional<String> refreshToken,
                   Optional<Instant> expiresAt);

    /** Clears the tokens of every installation of the workspace (or organisation), keeping the rows; how many had one. */
    int removeTokens(Optional<String> enterprise, Optional<String> team);

    /** Every installation in use, oldest first. */
    List<Installation> installed();

    /**
     * One installation. {@code team} is empty for an organisation-wide Enterprise Grid install
     * ({@code enterpriseInstall}); {@code refreshToken} and {@code expiresAt} are set when the app
     * rotates its tokens.
     */
    record Installation(Optional<String> appId, Optional<String> enterprise, Optional<String> enterpriseUrl, Optional<String> team,
                        boolean enterpriseInstall, Optional<String> installer, Optional<String> botId, Optional<String> botUserId,
                        String botScopes, String botToken, Optional<String> refreshToken, Optional<Instant> expiresAt,
                        Instant installedAt) {
        public Installation {
            appId = appId == null ? Optional.empty() : appId;
            enterprise = blankless(enterprise);
            enterpriseUrl = enterpriseUrl == null ? Optional.empty() : enterpriseUrl;
            team = blankless(team);
            installer = installer == null ? Optional.empty() : installer;
            botId = botId == null ? Optional.empty() : botId;
            botUserId = botUserId == null ? Optional.empty() : botUserId;
            botScopes = botScopes == null ? "" : botScopes;
            Objects.requireNonNull(botToken, "botToken");
            refreshToken = refreshToken == null ? Optional.empty() : refreshToken;
            expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
            Objects.requireNonNull(installedAt, "installedAt");
            if (team.isEmpty() && enterprise.isEmpty()) {
                throw new IllegalArgumentException("an installation belongs to a workspace or an organisation");
            }
        }

        private static Optional<String> blankless(Optional<String> id) {
            return id == null ? Optional.empty() : id.filter(s -> !s.isBlank());
        }
    }
}
