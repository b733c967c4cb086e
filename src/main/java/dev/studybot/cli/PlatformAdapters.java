package dev.studybot.cli;

import dev.studybot.config.Secrets;
import dev.studybot.config.StudyConfig;
import dev.studybot.platform.discord.DiscordAdapter;
import dev.studybot.platform.discord.DiscordSettings;
import dev.studybot.platform.slack.SlackAdapter;
import dev.studybot.platform.slack.SlackSettings;
import dev.studybot.wiring.Wiring;
import java.time.Clock;

/** Starts the Discord and Slack adapters whose tokens are set (or that config forces on). */
final class PlatformAdapters {
    /** Threads that ask the core for Discord's interactions; SQLite serialises writes, so a few suffice. */
    private static final int DISCORD_WORKERS = 4;

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
        String token = secrets.discordToken()
                .orElseThrow(() -> new IllegalStateException("adapters.discord is on but DISCORD_TOKEN is not set"));
        DiscordSettings settings = new DiscordSettings(token, config.discord().apiBaseUrl(), config.discord().gatewayUrl(),
                config.discord().guilds(), config.answers().maxLength(), DISCORD_WORKERS);
        DiscordAdapter adapter = new DiscordAdapter(settings, wiring.bot(), wiring.bank());
        wiring.register(adapter);
        wiring.onClose(adapter);
        try {
            adapter.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Discord", e);
        }
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
