package dev.studybot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The install page in a real headless Chromium with JavaScript off: the page, a click on "Add to
 * Slack", the emulator's consent page granting at once, the redirect back to studybot and its
 * page in words; then a /study command from the workspace just installed is answered, with that
 * workspace's own token.
 */
class SlackInstallBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final SlackEmulatorInstalls.Team HOOLI = SlackEmulatorInstalls.Team.plain("T0HOOLI", "Hooli");

    @TempDir
    Path dir;
    SlackEmulator emu;
    SlackDistributedBot bot;
    ChromeDriver browser;

    @BeforeAll
    static void browserInstalled() throws Exception {
        Chromium.ensureInstalled();
    }

    @BeforeEach
    void start() throws Exception {
        emu = new SlackEmulator();
        emu.installs.addMember(HOOLI, SlackEmulator.Member.plain("U0GAVIN", "gavin"));
        bot = SlackDistributedBot.start(emu, Map.of("STUDYBOT_DATABASE_PATH", dir.resolve("studybot.db").toString()), Optional.empty(), "");
        browser = Chromium.start(dir.resolve("profile"));
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
            if (bot != null) {
                bot.close();
            }
        } finally {
            emu.close();
        }
    }

    @Test
    void aWorkspaceInstallsFromThePageWithoutJavaScriptAndIsAnsweredAtOnce() throws Exception {
        emu.installs.nextInstall(HOOLI, "U0GAVIN");
        browser.get(bot.installPage());
        assertThat(browser.getTitle()).isEqualTo("Add studybot to your Slack workspace");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();

        WebElement add = browser.findElement(By.id("add-to-slack"));
        assertThat(add.getText()).isEqualTo("Add to Slack");
        add.click();

        await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("/slack/oauth_redirect"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("studybot is installed");
        assertThat(browser.findElement(By.id("outcome")).getText()).contains("studybot is now in Hooli", "/study help");

        // the same redirect again (a reload, or someone replaying it): its state was used up
        String landed = browser.getCurrentUrl();
        browser.get(landed);
        assertThat(browser.findElement(By.id("outcome")).getText()).contains("expired or had already been used");
        assertThat(emu.installs.tokens).hasSize(1);
        String token = emu.installs.tokenOf(HOOLI).orElseThrow();

        SlackRequests slack = new SlackRequests(emu);
        SlackRequests.Request r = slack.slash(HOOLI, SlackEmulator.Member.plain("U0GAVIN", "gavin"), "C0HOOLI", "topics");
        assertThat(slack.overHttp(bot.port, r).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !emu.responsesTo(r.responseUrl()).isEmpty());
        assertThat(emu.responsesTo(r.responseUrl()).get(0).allText()).contains("topics");
        assertThat(emu.installs.tokensFor("users.info")).containsOnly(token);
    }

    @Test
    void aForgedRedirectLandsOnAPageThatSaysWhy() {
        browser.get("http://127.0.0.1:" + bot.port + "/slack/oauth_redirect?code=stolen&state=forged");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("studybot was not installed");
        assertThat(browser.findElement(By.id("outcome")).getText()).contains("expired or had already been used", "Nothing was changed");
        browser.findElement(By.linkText("Try again")).click();
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().endsWith("/slack/install"));
        assertThat(browser.findElement(By.id("add-to-slack")).isDisplayed()).isTrue();
    }
}
