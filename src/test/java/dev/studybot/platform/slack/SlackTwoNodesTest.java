package dev.studybot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.support.Postgres;
import dev.studybot.wiring.Wiring;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Distributed mode on two HTTP-mode nodes sharing one PostgreSQL, as behind a load balancer that
 * sends each request anywhere: the install page on node A, Slack's redirect taken by node B,
 * commands answered by either, and an uninstall that reaches A stops B too. No node keeps a
 * session of its own: the state and the installations are in the shared database.
 */
class SlackTwoNodesTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final SlackEmulatorInstalls.Team PIED = SlackEmulatorInstalls.Team.plain("T0PIED", "Pied Piper");
    private static final SlackEmulator.Member RICHARD = new SlackEmulator.Member("U0RICHARD", "richard", "Richard", true, false);

    @Test
    void anInstallStartedOnOneNodeFinishesOnTheOtherAndBothAnswer() throws Exception {
        String url = Postgres.database("slack_nodes");
        Map<String, String> db = Map.of("STUDYBOT_DATABASE_URL", url);
        Optional<Wiring.DatabaseLogin> login = Optional.of(new Wiring.DatabaseLogin(Postgres.USER, Postgres.PASSWORD));
        try (SlackEmulator emu = new SlackEmulator();
             SlackDistributedBot a = SlackDistributedBot.start(emu, db, login, "");
             SlackDistributedBot b = SlackDistributedBot.start(emu, db, login, "")) {
            emu.installs.addMember(PIED, RICHARD);
            emu.installs.nextInstall(PIED, RICHARD.id());
            SlackDistributedBot.Landed landed = SlackDistributedBot.install(a.installPage(), Optional.of("http://127.0.0.1:" + b.port));
            assertThat(landed.page()).contains("studybot is now in Pied Piper");

            SlackRequests slack = new SlackRequests(emu);
            SlackRequests.Request onB = slack.slash(PIED, RICHARD, "C0PIED", "team create Hooli-XYZ");
            assertThat(slack.overHttp(b.port, onB).statusCode()).isEqualTo(200);
            await().atMost(WAIT).until(() -> !emu.responsesTo(onB.responseUrl()).isEmpty());
            SlackRequests.Request onA = slack.slash(PIED, RICHARD, "C0PIED", "team list");
            assertThat(slack.overHttp(a.port, onA).statusCode()).isEqualTo(200);
            await().atMost(WAIT).until(() -> !emu.responsesTo(onA.responseUrl()).isEmpty());
            assertThat(emu.responsesTo(onA.responseUrl()).get(0).allText()).contains("Hooli-XYZ");
            assertThat(emu.installs.tokensFor("users.info")).containsOnly(emu.installs.tokenOf(PIED).orElseThrow());

            emu.installs.revoke(PIED);
            assertThat(slack.jsonOverHttp(a.port, slack.event(PIED, "app_uninstalled")).statusCode()).isEqualTo(200);
            SlackRequests.Request after = slack.slash(PIED, RICHARD, "C0PIED", "team list");
            // node B finds no installation any more: the command does not run, and the member learns where to add studybot
            assertThat(slack.overHttp(b.port, after).statusCode()).isEqualTo(200);
            await().atMost(WAIT).until(() -> !emu.responsesTo(after.responseUrl()).isEmpty());
            assertThat(emu.responsesTo(after.responseUrl()).get(0).allText())
                    .contains("studybot is not installed in this workspace. Add it from http://127.0.0.1:" + b.port + "/slack/install")
                    .doesNotContain("Hooli-XYZ");
        }
    }
}
