package dev.studybot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import dev.studybot.port.out.InstallationStore;
import dev.studybot.store.SqlInstallationStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributed mode on one node over SQLite: installs through the OAuth flow into several
 * workspaces (one on Enterprise Grid), each answered and posted to with its own token, members
 * looked up per workspace, uninstalls and revoked tokens, token rotation.
 */
class SlackDistributionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    static final SlackEmulatorInstalls.Team ACME = SlackEmulatorInstalls.Team.plain("T0ACME", "Acme");
    static final SlackEmulatorInstalls.Team GLOBEX = SlackEmulatorInstalls.Team.plain("T0GLOBEX", "Globex");
    static final SlackEmulatorInstalls.Team INITECH = new SlackEmulatorInstalls.Team("T0INITECH", "Initech", "E0GRID", false);
    /** An organisation installing once for all its workspaces; commands come from its workspace T0UMBRELLA. */
    static final SlackEmulatorInstalls.Team UMBRELLA = new SlackEmulatorInstalls.Team("T0UMBRELLA", "Umbrella", "E0UMBRELLA", true);
    /** The same user id in two workspaces: an admin in Acme, a plain member in Globex. */
    static final SlackEmulator.Member ADA_ADMIN = new SlackEmulator.Member("U0ADA", "ada", "Ada", true, false);
    static final SlackEmulator.Member ADA_MEMBER = SlackEmulator.Member.plain("U0ADA", "ada");

    @TempDir
    Path dir;
    SlackEmulator emu;
    SlackRequests slack;
    SlackDistributedBot bot;

    @BeforeEach
    void start() throws Exception {
        emu = new SlackEmulator();
        slack = new SlackRequests(emu);
        emu.installs.addMember(ACME, ADA_ADMIN);
        emu.installs.addMember(GLOBEX, ADA_MEMBER);
        emu.installs.addMember(INITECH, ADA_MEMBER);
        emu.installs.addMember(UMBRELLA, ADA_ADMIN);
        bot = SlackDistributedBot.start(emu, Map.of("STUDYBOT_DATABASE_PATH", dir.resolve("studybot.db").toString()), Optional.empty(), "");
    }

    @AfterEach
    void stop() {
        try {
            if (bot != null) {
                bot.close();
            }
        } finally {
            emu.close();
        }
    }

    private void install(SlackEmulatorInstalls.Team team) throws Exception {
        emu.installs.nextInstall(team, "U0INSTALLER");
        SlackDistributedBot.Landed landed = SlackDistributedBot.install(bot.installPage());
        assertThat(landed.status()).as(landed.page()).isEqualTo(200);
        assertThat(landed.page()).contains("studybot is now in");
    }

    private SlackEmulator.Responded command(SlackEmulatorInstalls.Team team, SlackEmulator.Member who, String text) throws Exception {
        SlackRequests.Request r = slack.slash(team, who, "C0" + team.id(), text);
        assertThat(slack.overHttp(bot.port, r).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !emu.responsesTo(r.responseUrl()).isEmpty());
        return emu.responsesTo(r.responseUrl()).get(0);
    }

    private InstallationStore store() {
        return new SqlInstallationStore(dev.studybot.store.Database.sqlite(dir.resolve("studybot.db"), 1000).jdbc());
    }

    @Test
    void theInstallPageIsPlainHtmlWithALinkToSlacksConsentPage() throws Exception {
        var page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(bot.installPage())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("slack-app-oauth-state=") && c.contains("HttpOnly"));
        assertThat(page.body()).contains("Add to Slack", "<a id=\"add-to-slack\"", emu.authorizeUrl() + "?client_id=" + SlackEmulatorInstalls.CLIENT_ID,
                "redirect_uri=" + java.net.URLEncoder.encode("http://127.0.0.1:" + bot.port + "/slack/oauth_redirect", java.nio.charset.StandardCharsets.UTF_8),
                "chat:write").doesNotContain("<script");
    }

    @Test
    void eachWorkspaceIsAnsweredWithItsOwnTokenAndAnAdminOfOneIsAPlainMemberOfAnother() throws Exception {
        install(ACME);
        install(GLOBEX);
        String acme = emu.installs.tokenOf(ACME).orElseThrow();
        String globex = emu.installs.tokenOf(GLOBEX).orElseThrow();

        assertThat(command(ACME, ADA_ADMIN, "schedule set weekdays 09:30 UTC").allText()).contains("09:30");
        // the same user id, cached as an admin in Acme, is refused in Globex
        assertThat(command(GLOBEX, ADA_MEMBER, "schedule set weekdays 09:30 UTC").allText()).containsIgnoringCase("admin");
        assertThat(emu.installs.tokensFor("users.info")).containsExactly(acme, globex);

        // the core's posts go out with the token of the channel's workspace
        ChannelRef inGlobex = new ChannelRef(SlackAdapter.NAME, GLOBEX.id(), "C0GLOBEX");
        bot.adapter.post(inGlobex, Optional.empty(), new Reply.Notice("hello Globex"));
        assertThat(emu.installs.tokensFor("chat.postMessage")).last().isEqualTo(globex);

        // stored encrypted: no token in the database as it is
        assertThat(store().installed()).hasSize(2).allSatisfy(i -> assertThat(i.botToken()).startsWith("v1:").doesNotContain("xoxb"));
    }

    /** Two questions no bank has, as a team publishes them: numbered headings, answers with their terms in bold. */
    private static final String TEAM_LIST = """
            # Our team's questions

            ## 1. How does our feature store keep training and serving features consistent?
            The **shared transformation code** runs in both paths, and **point-in-time joins** keep labels from leaking later values.

            ## 2. Why do we pin the tokenizer version in the serving image?
            A **tokenizer mismatch** changes the ids the model sees, so **silent accuracy drops** follow an upgrade.
            """;

    @Test
    void aListSharedInOneWorkspaceIsReadWithItsTokenAndItsImportStaysThere() throws Exception {
        SlackEmulator.Member bob = new SlackEmulator.Member("U0BOB", "bob", "Bob", true, false);
        emu.installs.addMember(GLOBEX, bob);
        install(ACME);
        install(GLOBEX);
        String acme = emu.installs.tokenOf(ACME).orElseThrow();
        SlackEmulator.MemberFile file = emu.memberFile("team.md", "text/markdown", TEAM_LIST.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(slack.jsonOverHttp(bot.port, slack.fileShared(ACME, ADA_ADMIN, "D0ADA", file)).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> emu.ephemerals.stream().anyMatch(e -> e.user().equals(ADA_ADMIN.id()) && e.channel().equals("D0ADA")));
        assertThat(emu.installs.tokensFor("files.info")).containsExactly(acme);
        assertThat(emu.downloadTokens).as("the private file is fetched with the token of the workspace it was shared in").containsExactly(acme);
        assertThat(emu.installs.tokensFor("chat.postEphemeral")).containsOnly(acme);
        assertThat(emu.ephemerals.stream().filter(e -> e.channel().equals("D0ADA")).findFirst().orElseThrow().allText())
                .contains("Import of team.md", "2 new");

        // the import waits in Acme only: Globex's admin has none to confirm, and Acme's is stored in Acme alone
        assertThat(command(GLOBEX, bob, "bank import confirm").allText()).contains("You have no import waiting");
        assertThat(command(ACME, ADA_ADMIN, "bank import confirm").allText()).contains("Stored 2 questions in deck imported");
        assertThat(command(ACME, ADA_ADMIN, "search feature store serving").allText()).contains("`feature-store-keep-training-serving`");
        assertThat(command(GLOBEX, bob, "search feature store serving").allText()).doesNotContain("feature-store-keep-training-serving");
    }

    @Test
    void anEnterpriseGridWorkspaceIsNamedWithItsOrganisation() throws Exception {
        install(INITECH);
        assertThat(command(INITECH, ADA_MEMBER, "topics").allText()).contains("topics");
        ChannelRef grid = new ChannelRef(SlackAdapter.NAME, "E0GRID/T0INITECH", "C0T0INITECH");
        bot.adapter.post(grid, Optional.empty(), new Reply.Notice("hello Initech"));
        assertThat(emu.installs.tokensFor("chat.postMessage")).last().isEqualTo(emu.installs.tokenOf(INITECH).orElseThrow());
        assertThat(store().find(Optional.of("E0GRID"), Optional.of("T0INITECH"))).isPresent();
    }

    @Test
    void anOrganisationWideInstallServesItsWorkspacesAndItsRemovalPausesThemAll() throws Exception {
        install(UMBRELLA);
        assertThat(store().find(Optional.of("E0UMBRELLA"), Optional.empty()).orElseThrow().enterpriseInstall()).isTrue();
        assertThat(command(UMBRELLA, ADA_ADMIN, "schedule set weekdays 09:30 UTC").allText()).contains("09:30");
        ChannelRef channel = new ChannelRef(SlackAdapter.NAME, "E0UMBRELLA/T0UMBRELLA", "C0T0UMBRELLA");
        bot.adapter.post(channel, Optional.empty(), new Reply.Notice("hello Umbrella"));
        assertThat(emu.installs.tokensFor("chat.postMessage")).last().isEqualTo(emu.installs.tokenOf(UMBRELLA).orElseThrow());

        emu.installs.revoke(UMBRELLA);
        assertThat(slack.jsonOverHttp(bot.port, slack.event(UMBRELLA, "app_uninstalled")).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> store().find(Optional.of("E0UMBRELLA"), Optional.of("T0UMBRELLA")).isEmpty());
        assertThat(bot.wiring.bot().handleText(channel, new dev.studybot.domain.Actor("U0ADA", "ada", true, java.util.Set.of()),
                "/study schedule show").reply().toString()).contains("removed from this workspace");
    }

    @Test
    void uninstallingDeletesTheTokensPausesTheSchedulesAndKeepsTheHistory() throws Exception {
        install(ACME);
        install(GLOBEX);
        command(ACME, ADA_ADMIN, "schedule set weekdays 09:30 UTC");
        command(ACME, ADA_ADMIN, "team create Owls");

        emu.installs.revoke(ACME);
        assertThat(slack.jsonOverHttp(bot.port, slack.event(ACME, "app_uninstalled")).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> store().find(Optional.empty(), Optional.of(ACME.id())).isEmpty());
        assertThat(store().find(Optional.empty(), Optional.of(GLOBEX.id()))).isPresent();
        ChannelRef acmeChannel = new ChannelRef(SlackAdapter.NAME, ACME.id(), "C0" + ACME.id());
        assertThat(bot.wiring.bot().handleText(acmeChannel, new dev.studybot.domain.Actor("U0ADA", "ada", true, java.util.Set.of()),
                "/study schedule show").reply().toString()).contains("removed from this workspace");
        assertThat(bot.wiring.scheduler().next(acmeChannel)).as("the paused schedule's trigger is gone").isEmpty();

        // added again: answered at once, the history is there, the schedule waits for an admin
        install(ACME);
        assertThat(command(ACME, ADA_ADMIN, "team list").allText()).contains("Owls");
        assertThat(command(ACME, ADA_ADMIN, "schedule show").allText()).contains("removed from this workspace");
    }

    @Test
    void revokedBotTokensAreDeletedAndAStateIsGoodOnce() throws Exception {
        install(GLOBEX);
        emu.installs.revoke(GLOBEX);
        assertThat(slack.jsonOverHttp(bot.port, slack.event(GLOBEX, "tokens_revoked")).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> store().find(Optional.empty(), Optional.of(GLOBEX.id())).isEmpty());

        // a redirect with a forged state, or without the install page's cookie, installs nothing
        var http = java.net.http.HttpClient.newHttpClient();
        var forged = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + bot.port
                + "/slack/oauth_redirect?code=code-x&state=forged")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(forged.body()).contains("studybot was not installed", "expired or had already been used");
        assertThat(store().installed()).isEmpty();
    }

    @Test
    void aCancelledInstallSaysSoAndInstallsNothing() throws Exception {
        emu.installs.cancel = true;
        emu.installs.nextInstall(ACME, "U0INSTALLER");
        SlackDistributedBot.Landed landed = SlackDistributedBot.install(bot.installPage());
        assertThat(landed.page()).contains("studybot was not installed", "you cancelled on Slack", "Try again");
        assertThat(store().installed()).isEmpty();
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeUseAndStoredBack() throws Exception {
        emu.installs.tokenSeconds = 60;
        install(ACME);
        String first = emu.installs.tokenOf(ACME).orElseThrow();
        bot.adapter.post(new ChannelRef(SlackAdapter.NAME, ACME.id(), "C0ACME"), Optional.empty(), new Reply.Notice("hello"));
        assertThat(emu.installs.refreshes).hasSize(1);
        String second = emu.installs.tokenOf(ACME).orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(emu.installs.tokensFor("chat.postMessage")).containsExactly(second);
        assertThat(command(ACME, ADA_ADMIN, "topics").allText()).contains("topics");
    }
}
