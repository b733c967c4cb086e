package dev.studybot.cli;

import dev.studybot.config.Secrets;
import dev.studybot.config.StudyConfig;
import dev.studybot.wiring.Wiring;

/** Starts the Discord and Slack adapters whose tokens are set. */
final class PlatformAdapters {
    private PlatformAdapters() {
    }

    static void start(Wiring wiring, StudyConfig config, Secrets secrets) {
        if (!secrets.discord() && secrets.slackBotToken().isEmpty()) {
            throw new IllegalStateException("no platform token is set and the console adapter is off: set DISCORD_TOKEN or the Slack tokens");
        }
        throw new IllegalStateException("the Discord and Slack adapters are not part of this build yet");
    }
}
