package dev.studybot.platform.slack;

import dev.studybot.platform.PlatformContract;
import dev.studybot.platform.PlatformDriver;
import java.nio.file.Path;

/** The platform scenarios on Slack: the real Bolt app in Socket Mode against the emulator. */
class SlackContractTest extends PlatformContract {
    @Override
    protected PlatformDriver start(Path dir) throws Exception {
        return SlackDriver.start(dir);
    }
}
