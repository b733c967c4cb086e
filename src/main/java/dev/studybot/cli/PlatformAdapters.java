package dev.studybot.cli;

import dev.studybot.config.Secrets;
import dev.studybot.config.StudyConfig;
import dev.studybot.platform.slack.SlackAdapter;
import dev.studybot.platform.slack.SlackSettings;
import dev.studybot.wiring.Wiring;
import java.time.Clock;

/** Starts the Discord and Slack adapters whose tokens are set (or that config forces on). */
final class PlatformAdapters {
    private PlatformAdapters() {
    }

    static void start(Wiring wiring, StudyConfig config, Secrets secrets) {
        boolean discord = wanted(config.adapters().discord(), secrets.discord());
        boolean slack = wanted(config.adapters().slack(), secrets.slackBotToken().isPresent());
        if (!discord && !slack) {
            throw new IllegalStateException("no platform adapter to start: set DISCORD_TOKEN, or SLACK_BOT_TOKEN with SLACK_APP_TOKEN "
                    + "or SLACK_SIGNING_SECRET, or turn the console on (adapters.console)");
        }
        if (discord) {
            startDiscord(wiring, config, secrets);
        }
        if (slack) {
            startSlack(wiring, config, secrets);
        }
    }

    private static boolean wanted(String setting, boolean tokens) {
        return setting.equals("on") || setting.equals("auto") && tokens;
    }

    private static void startDiscord(Wiring wiring, StudyConfig config, Secrets secrets) {
        throw new IllegalStateException("the Discord adapter is not part of this build yet");
    }

    private static void startSlack(Wiring wiring, StudyConfig config, Secrets secrets) {
        SlackAdapter slack = new SlackAdapter(SlackSettings.from(config.slack(), secrets), Clock.systemUTC());
        slack.bind(wiring.commandText(), wiring.bot());
        wiring.register(slack);
        wiring.onClose(slack);
        try {
            slack.start();
        } catch (Exception e) {
            throw new IllegalStateException("the Slack adapter did not start: " + e.getMessage(), e);
        }
    }
}
