package dev.studybot.platform.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import dev.studybot.domain.words.Installs;
import dev.studybot.port.out.InstallationStore;
import dev.studybot.port.out.InstallationStore.Installation;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Bolt's installations on studybot's store, shared by every node: each install adds a row (the
 * history Bolt calls historical data, always on), a rotated token replaces the one in use, and
 * removing a workspace clears its tokens and keeps its rows. Tokens go through
 * {@link SlackTokenCipher}. studybot asks for no user scopes, so no user token is kept.
 */
final class SlackInstallations implements InstallationService {
    private final InstallationStore store;
    private final SlackTokenCipher cipher;
    private final Clock clock;
    private final String installPage;

    /** {@code installPage}: the address of the install page, for members of a workspace without the app. */
    SlackInstallations(InstallationStore store, SlackTokenCipher cipher, Clock clock, String installPage) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
        this.installPage = installPage;
    }

    @Override
    public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
        return Installs.notInstalled(installPage);
    }

    @Override
    public java.util.List<com.slack.api.model.block.LayoutBlock> getInstallationGuideBlocks(String enterpriseId, String teamId, String userId) {
        return null;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return true;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        // studybot keeps every installation: the history of a workspace outlives its tokens
    }

    @Override
    public void saveInstallerAndBot(Installer i) {
        Optional<String> enterprise = id(i.getEnterpriseId());
        Optional<String> team = Boolean.TRUE.equals(i.getIsEnterpriseInstall()) ? Optional.empty() : id(i.getTeamId());
        Instant installed = i.getInstalledAt() == null ? clock.instant() : Instant.ofEpochMilli(i.getInstalledAt());
        // Bolt saves the same installation again after rotating its tokens: that replaces the token, it is no new install
        Optional<Installation> current = store.find(enterprise, team).filter(c -> c.team().equals(team));
        if (current.isPresent() && current.get().installedAt().equals(installed)) {
            rotate(enterprise, team, i.getBotAccessToken(), i.getBotRefreshToken(), i.getBotTokenExpiresAt());
            return;
        }
        store.save(new Installation(id(i.getAppId()), enterprise, id(i.getEnterpriseUrl()), team,
                Boolean.TRUE.equals(i.getIsEnterpriseInstall()), id(i.getInstallerUserId()), id(i.getBotId()), id(i.getBotUserId()),
                i.getBotScope(), cipher.seal(i.getBotAccessToken()), id(i.getBotRefreshToken()).map(cipher::seal), expiry(i.getBotTokenExpiresAt()),
                installed));
    }

    @Override
    public void saveBot(Bot bot) {
        Optional<String> team = Boolean.TRUE.equals(bot.getIsEnterpriseInstall()) ? Optional.empty() : id(bot.getTeamId());
        rotate(id(bot.getEnterpriseId()), team, bot.getBotAccessToken(), bot.getBotRefreshToken(), bot.getBotTokenExpiresAt());
    }

    private void rotate(Optional<String> enterprise, Optional<String> team, String token, String refresh, Long expiresAt) {
        store.rotate(enterprise, team, cipher.seal(token), id(refresh).map(cipher::seal), expiry(expiresAt));
    }

    @Override
    public void deleteBot(Bot bot) {
        deleteAll(bot.getEnterpriseId(), Boolean.TRUE.equals(bot.getIsEnterpriseInstall()) ? null : bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        // no user token is kept
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        store.removeTokens(id(enterpriseId), id(teamId));
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return store.find(id(enterpriseId), id(teamId)).map(this::bot).orElse(null);
    }

    /** The installation as Bolt's installer; {@code userId} is not looked at, since no user token is kept. */
    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return store.find(id(enterpriseId), id(teamId)).map(this::installer).orElse(null);
    }

    private Bot bot(Installation i) {
        return installer(i).toBot();
    }

    private Installer installer(Installation i) {
        DefaultInstaller d = new DefaultInstaller();
        d.setAppId(i.appId().orElse(null));
        d.setEnterpriseId(i.enterprise().orElse(null));
        d.setEnterpriseUrl(i.enterpriseUrl().orElse(null));
        d.setTeamId(i.team().orElse(null));
        d.setIsEnterpriseInstall(i.enterpriseInstall());
        d.setTokenType("bot");
        d.setInstallerUserId(i.installer().orElse(null));
        d.setBotId(i.botId().orElse(null));
        d.setBotUserId(i.botUserId().orElse(null));
        d.setBotScope(i.botScopes());
        d.setBotAccessToken(cipher.open(i.botToken()));
        d.setBotRefreshToken(i.refreshToken().map(cipher::open).orElse(null));
        d.setBotTokenExpiresAt(i.expiresAt().map(Instant::toEpochMilli).orElse(null));
        d.setInstalledAt(i.installedAt().toEpochMilli());
        return d;
    }

    private static Optional<Instant> expiry(Long millis) {
        return Optional.ofNullable(millis).map(Instant::ofEpochMilli);
    }

    private static Optional<String> id(String s) {
        return Optional.ofNullable(s).filter(v -> !v.isBlank());
    }
}
