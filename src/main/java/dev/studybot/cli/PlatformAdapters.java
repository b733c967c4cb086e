package dev.studybot.cli;

import dev.studybot.config.Secrets;
import dev.studybot.config.StudyConfig;
import dev.studybot.wiring.Wiring;
import java.util.function.UnaryOperator;

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
            startDiscord(wiring, secrets);
        }
        if (slack) {
            startSlack(wiring, secrets);
        }
    }

    private static boolean wanted(String setting, boolean tokens) {
        return setting.equals("on") || setting.equals("auto") && tokens;
    }

    private static void startDiscord(Wiring wiring, Secrets secrets) {
        try {
            wiring.startDiscord(secrets, UnaryOperator.identity());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Discord", e);
        }
    }

    private static void startSlack(Wiring wiring, Secrets secrets) {
        try {
            wiring.startSlack(secrets);
        } catch (Exception e) {
            throw new IllegalStateException("the Slack adapter did not start: " + e.getMessage(), e);
        }
    }
}
