package dev.studybot.platform.discord;

import dev.studybot.port.platform.PlatformContext;
import dev.studybot.port.platform.PlatformModule;
import dev.studybot.port.platform.Running;
import dev.studybot.port.platform.Secrets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Discord as a plug-in: starts when {@code DISCORD_TOKEN} is set (or {@code adapters.discord: on}). */
public final class DiscordModule implements PlatformModule<DiscordConfig> {
    public static final String TOKEN = "DISCORD_TOKEN";
    /** Threads that ask the core for Discord's interactions; SQLite serialises writes, so a few suffice. */
    private static final int WORKERS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(DiscordModule.class);

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

    /**
     * One adapter for this node's listed shards (or every shard, on one node); on several nodes with
     * {@code discord.shards.ids: auto}, a {@link DiscordNode} that takes shards through leases.
     */
    @Override
    public Running start(DiscordConfig config, PlatformContext context) throws InterruptedException {
        String token = context.secrets().get(TOKEN)
                .orElseThrow(() -> new IllegalStateException("adapters.discord is on but " + TOKEN + " is not set"));
        DiscordConfig.Shards sharding = config.shards();
        DiscordSettings settings = new DiscordSettings(token, config.apiBaseUrl(), config.gatewayUrl(), config.guilds(),
                context.maxAnswerLength(), WORKERS, config.globalRate(), Duration.ofMillis(Math.round(sharding.identifySeconds() * 1000)));
        GlobalPace pace = new GlobalPace(settings.globalRate(), context.cluster().liveNodes(), context.telemetry());
        DiscordRest rest = new DiscordRest(settings, pace);
        ShardPlan plan = plan(sharding, rest, Optional.empty());
        if (context.cluster().clustered() && sharding.fixedIds().isEmpty()) {
            DiscordNode node = new DiscordNode(settings, pace, context.commands(), context.banks(), context.cluster(),
                    Duration.ofSeconds(config.gatewayLeaseSeconds()), context.telemetry(), plan, rest);
            node.start();
            return Running.of(node, node::close, node::connected);
        }
        DiscordGateway sessions = DiscordAdapter.Shards.sessions(settings, context.cluster().leases());
        for (int attempt = 1; ; attempt++) {
            Set<Integer> ids = ids(sharding, plan);
            DiscordAdapter adapter = new DiscordAdapter(settings, pace, context.commands(), context.banks(), context.telemetry(),
                    new DiscordAdapter.Shards(plan, ids, sessions, rest));
            try {
                adapter.start();
                return Running.of(adapter, adapter::close, adapter::connected);
            } catch (DiscordAdapter.ShardingRequired e) {
                adapter.close();
                if (sharding.fixedTotal().isPresent()) {
                    throw new IllegalStateException(e.getMessage() + ". Set discord.shards.total to auto, or to more than " + e.total
                            + " (Discord recommends " + rest.recommended().total() + ")", e);
                }
                if (sharding.fixedIds().isPresent() || attempt > 1) {
                    throw new IllegalStateException(e.getMessage() + ". With discord.shards.ids listed, set discord.shards.total "
                            + "to a number and give each node its ids", e);
                }
                plan = plan(sharding, rest, Optional.of(e.total));
                LOG.warn("{}; starting again with {} shards", e.getMessage(), plan.total());
            }
        }
    }

    /**
     * The shard count: the configured number, or Discord's recommendation; after a 4011 for
     * {@code refused} shards, at least twice as many as were refused.
     */
    private static ShardPlan plan(DiscordConfig.Shards sharding, DiscordRest rest, Optional<Integer> refused) {
        if (sharding.fixedTotal().isPresent()) {
            // JDA asks /gateway/bot for max_concurrency itself and tells the session controller
            return new ShardPlan(sharding.fixedTotal().get());
        }
        ShardPlan recommended = rest.recommended();
        return refused.filter(r -> recommended.total() <= r).map(r -> new ShardPlan(r * 2)).orElse(recommended);
    }

    /** This node's shards: the listed ones, each of which must exist, or all of them. */
    private static Set<Integer> ids(DiscordConfig.Shards sharding, ShardPlan plan) {
        Optional<Set<Integer>> fixed = sharding.fixedIds();
        if (fixed.isEmpty()) {
            return plan.all();
        }
        fixed.get().stream().filter(id -> id >= plan.total()).findFirst().ifPresent(id -> {
            throw new IllegalStateException("discord.shards.ids lists shard " + id + " but there are " + plan.total()
                    + " shards (Discord's recommendation with discord.shards.total auto); set discord.shards.total to the count the nodes share");
        });
        return fixed.get();
    }
}
