package dev.studybot.platform.discord;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.PostedMessage;
import dev.studybot.port.out.QuestionBank;
import dev.studybot.port.out.Telemetry;
import dev.studybot.port.platform.Cluster;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord on one of several nodes. A gateway session per node would hand every interaction to
 * every node, so one node at a time holds the gateway: the one holding the lease
 * {@value #LEASE} in the database, renewed every third of its length. The others post by REST
 * ({@link DiscordRest}) and try for the lease as often; when the holder stops or dies its lease
 * runs out and one of them connects. A holder that cannot renew (another node took the lease while
 * this one could not reach the database) disconnects, so two nodes never answer one interaction.
 */
final class DiscordNode implements ChatPlatform, AutoCloseable {
    static final String LEASE = "discord-gateway";
    private static final Logger LOG = LoggerFactory.getLogger(DiscordNode.class);

    private final DiscordSettings settings;
    private final GlobalPace pace;
    private final CommandHandler handler;
    private final QuestionBank bank;
    private final Cluster cluster;
    private final Duration ttl;
    private final Telemetry telemetry;
    private final DiscordRest rest;
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "studybot-discord-lease");
        t.setDaemon(true);
        return t;
    });
    private volatile DiscordAdapter gateway;
    private volatile Instant renewed = Instant.MIN;

    DiscordNode(DiscordSettings settings, GlobalPace pace, CommandHandler handler, QuestionBank bank, Cluster cluster, Duration ttl,
                Telemetry telemetry) {
        this.settings = settings;
        this.pace = pace;
        this.handler = handler;
        this.bank = bank;
        this.cluster = cluster;
        this.ttl = ttl;
        this.telemetry = telemetry;
        this.rest = new DiscordRest(settings, pace);
    }

    /** Takes the gateway now if no node holds it (and connects before returning), then keeps trying every third of the lease. */
    void start() throws InterruptedException {
        DiscordAdapter.noPings();
        if (!takeOrRenew()) {
            LOG.info("Another node holds the Discord gateway; this node ({}) posts by REST and takes over if that node stops", cluster.node());
        }
        long every = Math.max(1, ttl.toMillis() / 3);
        leases.scheduleWithFixedDelay(() -> {
            try {
                takeOrRenew();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("Discord gateway lease: {}", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Whether this node can do its part now (readiness): the holder of the gateway while its
     * session is up; a node without the gateway always, as it posts by REST.
     */
    boolean connected() {
        DiscordAdapter adapter = gateway;
        return adapter == null || adapter.connected();
    }

    /** Whether this node holds the gateway now. */
    boolean holdsGateway() {
        return gateway != null;
    }

    private synchronized boolean takeOrRenew() throws InterruptedException {
        boolean held;
        try {
            held = cluster.leases().hold(LEASE, ttl);
        } catch (RuntimeException e) {
            // the database is away: keep the gateway only while the lease we had can still be ours
            held = false;
            if (gateway != null && Instant.now().isBefore(renewed.plus(ttl))) {
                LOG.warn("Cannot renew the Discord gateway lease ({}); keeping the gateway until the lease runs out", e.getMessage());
                return true;
            }
        }
        if (held) {
            renewed = Instant.now();
            if (gateway == null) {
                connect();
            }
            return gateway != null;
        }
        if (gateway != null) {
            LOG.warn("This node lost the Discord gateway lease; disconnecting so the node that holds it answers alone");
            disconnect();
        }
        return false;
    }

    private void connect() throws InterruptedException {
        DiscordAdapter adapter = new DiscordAdapter(settings, pace, handler, bank, telemetry);
        LOG.info("This node ({}) holds the Discord gateway", cluster.node());
        try {
            adapter.start();
            gateway = adapter;
        } catch (RuntimeException e) {
            adapter.close();
            cluster.leases().release(LEASE);
            throw e;
        }
    }

    private void disconnect() {
        DiscordAdapter adapter = gateway;
        gateway = null;
        if (adapter != null) {
            adapter.close();
        }
    }

    @Override
    public String name() {
        return DiscordAdapter.NAME;
    }

    @Override
    public PostedMessage post(ChannelRef channel, Optional<PostedMessage> inThreadOf, Reply reply) throws DeliveryException {
        DiscordAdapter adapter = gateway;
        return adapter != null ? adapter.post(channel, inThreadOf, reply) : rest.post(channel, inThreadOf, reply);
    }

    @Override
    public void tell(WorkspaceRef workspace, String userId, Reply reply) throws DeliveryException {
        DiscordAdapter adapter = gateway;
        if (adapter != null) {
            adapter.tell(workspace, userId, reply);
        } else {
            rest.tell(workspace, userId, reply);
        }
    }

    @Override
    public void close() {
        leases.shutdownNow();
        synchronized (this) {
            boolean held = gateway != null;
            disconnect();
            if (held) {
                try {
                    cluster.leases().release(LEASE);
                } catch (RuntimeException e) {
                    LOG.warn("Could not release the Discord gateway lease: {}", e.getMessage());
                }
            }
        }
    }
}
