package dev.studybot.platform.slack;

import dev.studybot.port.platform.PlatformContext;
import dev.studybot.port.platform.PlatformModule;
import dev.studybot.port.platform.Running;
import dev.studybot.port.platform.Secrets;
import java.util.List;

/**
 * Slack as a plug-in: starts when {@code SLACK_BOT_TOKEN} is set, in Socket Mode with
 * {@code SLACK_APP_TOKEN} or in HTTP mode with {@code SLACK_SIGNING_SECRET}; or, with
 * {@code slack.mode: distributed}, when {@code SLACK_CLIENT_SECRET} is set, installed in any
 * workspace from its install page.
 */
public final class SlackModule implements PlatformModule<SlackConfig> {
    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String CLIENT_SECRET = "SLACK_CLIENT_SECRET";
    /** 32 bytes in base64: encrypts the stored tokens of installations (optional). */
    public static final String TOKEN_KEY = "SLACK_TOKEN_KEY";

    @Override
    public String name() {
        return SlackAdapter.NAME;
    }

    @Override
    public Class<SlackConfig> configType() {
        return SlackConfig.class;
    }

    @Override
    public List<String> secretNames() {
        return List.of(BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, CLIENT_SECRET, TOKEN_KEY);
    }

    @Override
    public boolean hasCredentials(Secrets secrets) {
        return secrets.has(BOT_TOKEN) || secrets.has(CLIENT_SECRET);
    }

    @Override
    public Running start(SlackConfig config, PlatformContext context) throws Exception {
        SlackAdapter adapter = new SlackAdapter(SlackSettings.from(config, context.secrets()), context.clock(), context.telemetry(),
                context.cluster().liveNodes(), java.util.Optional.of(context.workspaces()));
        adapter.bind(context.commands());
        try {
            adapter.start();
        } catch (Exception e) {
            // a refused token or a port already taken: nothing of the adapter stays behind
            adapter.close();
            throw e;
        }
        return Running.of(adapter, adapter::close, adapter::connected);
    }
}
