package dev.studybot.platform.discord;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.PostedMessage;
import dev.studybot.port.out.WorkspaceBanks;
import dev.studybot.port.out.Telemetry;
import dev.studybot.port.platform.Cluster;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord on one of several nodes, its shards shared out through leases. A shard's gateway
 * session on two nodes would hand its interactions to both, so each shard is held by one node at
 * a time: the holder of the lease {@code discord-shard-N-of-T} in the database, renewed every third
 * of its length. A node takes shards up to its fair share (the total over the live nodes, rounded
 * up), one per round, gives up the ones above it when more nodes come, and posts by REST
 * ({@link DiscordRest}) to servers on shards it does not hold. When a holder stops or dies its
 * leases run out and the other nodes take its shards. A holder that cannot renew a lease (another
 * node took it while this one could not reach the database) disconnects that shard, so two nodes
 * never answer one interaction.
 */
final class DiscordNode implements ChatPlatform, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordNode.class);

    private final DiscordSettings settings;
    private final GlobalPace pace;
    private final CommandHandler handler;
    private final WorkspaceBanks banks;
    private final Cluster cluster;
    private final Duration ttl;
    private final Telemetry telemetry;
    private final ShardPlan plan;
    private final DiscordRest rest;
    private final DiscordGateway sessions;
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "studybot-discord-lease");
        t.setDaemon(true);
        return t;
    });
    /** The shards this node holds, each with its connection and when its lease was last renewed. */
    private final ConcurrentSkipListMap<Integer, Held> held = new ConcurrentSkipListMap<>();

    private record Held(DiscordAdapter adapter, long renewedNanos) {
    }

    DiscordNode(DiscordSettings settings, GlobalPace pace, CommandHandler handler, WorkspaceBanks banks, Cluster cluster, Duration ttl,
                Telemetry telemetry, ShardPlan plan, DiscordRest rest) {
        this.settings = settings;
        this.pace = pace;
        this.handler = handler;
        this.banks = banks;
        this.cluster = cluster;
        this.ttl = ttl;
        this.telemetry = telemetry;
        this.plan = plan;
        this.rest = rest;
        this.sessions = DiscordAdapter.Shards.sessions(settings, cluster.leases());
    }

    /** The lease of one shard; the total is in the name, so nodes that disagree on it never share a lease. */
    static String lease(int shard, int total) {
        return "discord-shard-" + shard + "-of-" + total;
    }

    /** Takes this node's share of the free shards now (connecting each before returning), then keeps its leases every third of their length. */
    void start() throws InterruptedException {
        DiscordAdapter.noPings();
        while (round()) {
            // one more shard taken: go on until the share is held or no shard is free
        }
        if (held.isEmpty()) {
            LOG.info("Other nodes hold every Discord shard; this node ({}) posts by REST and takes shards over if they stop", cluster.node());
        }
        long every = Math.max(1, ttl.toMillis() / 3);
        leases.scheduleWithFixedDelay(() -> {
            try {
                round();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("Discord shard leases: {}", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Whether this node can do its part now (readiness): every shard it holds has its session up;
     * a node without shards always, as it posts by REST.
     */
    boolean connected() {
        return held.values().stream().allMatch(h -> h.adapter().connected());
    }

    /** The shards this node holds now. */
    Set<Integer> shards() {
        return new TreeSet<>(held.keySet());
    }

    /** Renews what is held, gives up shards above the share, and takes one free shard below it; whether one was taken. */
    private synchronized boolean round() throws InterruptedException {
        renew();
        int live = Math.max(1, cluster.liveNodes().getAsInt());
        int share = (plan.total() + live - 1) / live;
        while (held.size() > share) {
            int extra = held.lastKey();
            LOG.info("More nodes are live: this node ({}) gives up Discord shard {} for another to take", cluster.node(), extra);
            drop(extra, true);
        }
        if (held.size() >= share) {
            return false;
        }
        for (int shard = 0; shard < plan.total(); shard++) {
            if (held.containsKey(shard)) {
                continue;
            }
            boolean taken;
            try {
                taken = cluster.leases().hold(lease(shard, plan.total()), ttl);
            } catch (RuntimeException e) {
                LOG.warn("Cannot take a Discord shard lease ({}); trying again in a while", e.getMessage());
                return false;
            }
            if (taken) {
                connect(shard);
                return true;
            }
        }
        return false;
    }

    private void renew() {
        for (Map.Entry<Integer, Held> e : held.entrySet()) {
            int shard = e.getKey();
            boolean kept;
            try {
                kept = cluster.leases().hold(lease(shard, plan.total()), ttl);
            } catch (RuntimeException ex) {
                // the database is away: keep the shard only while the lease we had can still be ours
                if (System.nanoTime() - e.getValue().renewedNanos() < ttl.toNanos()) {
                    LOG.warn("Cannot renew the lease of Discord shard {} ({}); keeping it until the lease runs out", shard, ex.getMessage());
                    continue;
                }
                kept = false;
            }
            if (kept) {
                held.put(shard, new Held(e.getValue().adapter(), System.nanoTime()));
            } else {
                LOG.warn("This node lost the lease of Discord shard {}; disconnecting it so the node that holds it answers alone", shard);
                drop(shard, false);
            }
        }
    }

    private void connect(int shard) throws InterruptedException {
        DiscordAdapter adapter = new DiscordAdapter(settings, pace, handler, banks, telemetry,
                new DiscordAdapter.Shards(plan, Set.of(shard), sessions, rest));
        LOG.info("This node ({}) holds Discord shard {} of {}", cluster.node(), shard, plan.total());
        try {
            adapter.start();
            held.put(shard, new Held(adapter, System.nanoTime()));
        } catch (RuntimeException e) {
            adapter.close();
            cluster.leases().release(lease(shard, plan.total()));
            throw e;
        }
    }

    private void drop(int shard, boolean release) {
        Held h = held.remove(shard);
        if (h == null) {
            return;
        }
        h.adapter().close();
        if (release) {
            try {
                cluster.leases().release(lease(shard, plan.total()));
            } catch (RuntimeException e) {
                LOG.warn("Could not release the lease of Discord shard {}: {}", shard, e.getMessage());
            }
        }
    }

    @Override
    public String name() {
        return DiscordAdapter.NAME;
    }

    /** The connection of the server's shard when this node holds it; REST otherwise. */
    private ChatPlatform route(String guildId) {
        Held h = held.get(plan.shardOf(guildId));
        return h != null ? h.adapter() : rest;
    }

    @Override
    public PostedMessage post(ChannelRef channel, Optional<PostedMessage> inThreadOf, Reply reply) throws DeliveryException {
        return route(channel.workspace()).post(channel, inThreadOf, reply);
    }

    @Override
    public void tell(WorkspaceRef workspace, String userId, Reply reply) throws DeliveryException {
        route(workspace.workspace()).tell(workspace, userId, reply);
    }

    @Override
    public void close() {
        leases.shutdownNow();
        synchronized (this) {
            for (Integer shard : new TreeSet<>(held.keySet())) {
                drop(shard, true);
            }
        }
    }
}
