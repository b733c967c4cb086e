package dev.studybot.platform.discord;

import dev.studybot.platform.PlatformContract;
import dev.studybot.platform.PlatformDriver;
import java.nio.file.Path;

/** The platform scenarios on Discord: the real JDA client against the emulator. */
class DiscordContractTest extends PlatformContract {
    @Override
    protected PlatformDriver start(Path dir) throws Exception {
        return new DiscordDriver(DiscordBotFixture.start(dir));
    }
}
