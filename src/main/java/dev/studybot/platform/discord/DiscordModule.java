package dev.studybot.platform.discord;

import dev.studybot.port.platform.PlatformContext;
import dev.studybot.port.platform.PlatformModule;
import dev.studybot.port.platform.Running;
import dev.studybot.port.platform.Secrets;
import java.util.List;

/** Discord as a plug-in: starts when {@code DISCORD_TOKEN} is set (or {@code adapters.discord: on}). */
public final class DiscordModule implements PlatformModule<DiscordConfig> {
    public static final String TOKEN = "DISCORD_TOKEN";
    /** Threads that ask the core for Discord's interactions; SQLite serialises writes, so a few suffice. */
    private static final int WORKERS = 4;


    @Override
    public String name() {
        return DiscordAdapter.NAME;
    }

    @Override
    public Class<DiscordConfig> configType() {
        return DiscordConfig.class;
    }

    @Override
    public List<String> secretNames() {
        return List.of(TOKEN);
    }

    @Override
    public boolean hasCredentials(Secrets secrets) {
        return secrets.has(TOKEN);
    }

    @Override
    public Running start(DiscordConfig config, PlatformContext context) throws InterruptedException {
        String token = context.secrets().get(TOKEN)
                .orElseThrow(() -> new IllegalStateException("adapters.discord is on but " + TOKEN + " is not set"));
        DiscordSettings settings = new DiscordSettings(token, config.apiBaseUrl(), config.gatewayUrl(), config.guilds(),
                context.maxAnswerLength(), WORKERS, config.globalRate());
        GlobalPace pace = new GlobalPace(settings.globalRate(), context.cluster().liveNodes(), context.telemetry());
        if (context.cluster().clustered()) {
            DiscordNode node = new DiscordNode(settings, pace, context.commands(), context.bank(), context.cluster(),
                    java.time.Duration.ofSeconds(config.gatewayLeaseSeconds()), context.telemetry());
            node.start();
            return Running.of(node, node::close, node::connected);
        }
        DiscordAdapter adapter = new DiscordAdapter(settings, pace, context.commands(), context.bank(), context.telemetry());
        adapter.start();
        return Running.of(adapter, adapter::close, adapter::connected);
    }
}
