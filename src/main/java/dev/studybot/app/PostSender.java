package dev.studybot.app;

import dev.studybot.domain.ChannelRef;
import dev.studybot.port.in.DailyPostUseCase;
import dev.studybot.port.in.DailyPostUseCase.Outcome;
import dev.studybot.port.in.DuePosts;
import dev.studybot.port.out.DeliveryQueue;
import dev.studybot.port.out.DeliveryQueue.Delivery;
import dev.studybot.port.out.NodeRegistry;
import dev.studybot.port.out.StoreException;
import dev.studybot.port.out.Telemetry;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends the posts that are due. A schedule's trigger only adds its slot to the {@link DeliveryQueue}
 * and returns; this sender claims due deliveries for the platforms this node can post to and
 * sends up to {@code concurrency} of them at once, each on its own virtual thread, so the platform's
 * rate limit is what bounds the pace, not a thread pool. The per-slot reservation in the post store
 * keeps each slot to one post, whichever node sends it and however often it is tried.
 *
 * <p>A post the platform could not take goes back to the queue for {@code retryDelay}; one that is
 * past the grace period is dropped with a warning. A claim lasts {@code lease} and is renewed every
 * third of it while its post is still being sent: a node that dies with deliveries claimed leaves
 * them to the others once its claims run out. The node's heartbeat goes
 * with each round, so the others know how many share the platforms' limits.
 */
public final class PostSender implements DuePosts, AutoCloseable {
    private static final Logger LOG = System.getLogger(PostSender.class.getName());

    /** How the sender runs: node id, posts in flight at once, claim length, retry delay, grace, idle poll. */
    public record Options(String node, int concurrency, Duration lease, Duration retryDelay, Duration grace, Duration poll,
                          Duration heartbeat) {
        public Options {
            Objects.requireNonNull(node, "node");
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be positive");
            }
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(retryDelay, "retryDelay");
            Objects.requireNonNull(grace, "grace");
            Objects.requireNonNull(poll, "poll");
            Objects.requireNonNull(heartbeat, "heartbeat");
        }

        public static Options of(String node, Duration retryDelay, Duration grace) {
            Duration poll = retryDelay.compareTo(Duration.ofSeconds(1)) < 0 ? retryDelay : Duration.ofSeconds(1);
            return new Options(node, 64, Duration.ofSeconds(30), retryDelay, grace, poll, Duration.ofSeconds(2));
        }
    }

    private final Clock clock;
    private final DeliveryQueue queue;
    private final NodeRegistry nodes;
    private final DailyPostUseCase posts;
    private final Platforms platforms;
    private final Telemetry telemetry;
    private final Options options;
    private final Semaphore inFlight;
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("studybot-post-", 0).factory());
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;
    private Instant lastHeartbeat = Instant.MIN;
    private Instant lastExtended = Instant.MIN;

    public PostSender(Clock clock, DeliveryQueue queue, NodeRegistry nodes, DailyPostUseCase posts, Platforms platforms,
                      Telemetry telemetry, Options options) {
        this.clock = clock;
        this.queue = queue;
        this.nodes = nodes;
        this.posts = posts;
        this.platforms = platforms;
        this.telemetry = telemetry;
        this.options = options;
        this.inFlight = new Semaphore(options.concurrency());
        telemetry.gauge("posts.queued", queue::waiting);
    }

    /** The trigger fired: the slot waits in the queue until a sender takes it. */
    @Override
    public void due(ChannelRef channel, Instant slot) {
        queue.add(channel, slot, slot);
        wake();
    }

    /** Starts claiming and sending on this node. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = Thread.ofPlatform().name("studybot-post-sender").daemon(true).start(this::run);
    }

    /** Look at the queue now rather than at the next poll: something was added, or a platform became ready. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            int sent;
            try {
                sent = round();
            } catch (StoreException e) {
                LOG.log(Level.WARNING, "Cannot read the post queue: {0}; trying again in {1}", e.getMessage(), options.poll());
                sent = 0;
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "The post sender failed a round", e);
                sent = 0;
            }
            if (sent == 0) {
                idle();
            }
        }
    }

    /** One round: claims as many due deliveries as there are free senders and starts them; how many. */
    int round() {
        Instant now = clock.instant();
        if (Duration.between(lastHeartbeat, now).compareTo(options.heartbeat()) >= 0) {
            nodes.heartbeat(options.node(), now);
            lastHeartbeat = now;
        }
        // posts still waiting for the platform keep their claims: only a node that stopped loses them
        if (inFlight.availablePermits() < options.concurrency()
                && Duration.between(lastExtended, now).compareTo(options.lease().dividedBy(3)) >= 0) {
            queue.extend(options.node(), now.plus(options.lease()));
            lastExtended = now;
        }
        Set<String> ready = platforms.ready();
        int free = inFlight.availablePermits();
        if (ready.isEmpty() || free == 0) {
            return 0;
        }
        List<Delivery> claimed = queue.claim(options.node(), ready, now, options.lease(), free);
        for (Delivery d : claimed) {
            inFlight.acquireUninterruptibly();
            senders.execute(() -> {
                try {
                    send(d);
                } finally {
                    inFlight.release();
                    wake();
                }
            });
        }
        return claimed.size();
    }

    private void idle() {
        lock.lock();
        try {
            if (!woken && running) {
                work.await(options.poll().toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void send(Delivery d) {
        ChannelRef channel = d.channel();
        Outcome outcome;
        try {
            outcome = posts.postScheduled(channel, d.slot());
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "The post of {0} for {1} waits for the database: {2}", channel.key(), d.slot(), e.getMessage());
            later(d);
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "The post of " + channel.key() + " for " + d.slot() + " failed", e);
            later(d);
            return;
        }
        LOG.log(Level.INFO, "Daily post for {0} at slot {1}: {2}", channel.key(), d.slot(), outcome);
        switch (outcome) {
            case POSTED -> telemetry.postSent(channel.platform());
            case PAUSED -> telemetry.postRefused(channel.platform(), "paused");
            default -> { }
        }
        if (outcome.retry()) {
            telemetry.postRetried(channel.platform());
            later(d);
        } else {
            queue.done(d);
        }
    }

    /** Back to the queue for another try, unless the grace period ends first. */
    private void later(Delivery d) {
        Instant at = clock.instant().plus(options.retryDelay());
        try {
            if (at.isAfter(d.slot().plus(options.grace()))) {
                LOG.log(Level.WARNING, "Giving up on the post of {0} for {1}: the grace period ends before another try", d.channel().key(), d.slot());
                queue.done(d);
            } else {
                queue.later(d, at);
            }
        } catch (StoreException e) {
            // the claim runs out and the delivery comes back by itself
            LOG.log(Level.WARNING, "Could not put the post of {0} back in the queue: {1}", d.channel().key(), e.getMessage());
        }
    }

    /** Stops claiming, lets the posts in flight finish (up to {@code wait}), and leaves the cluster. */
    public void stop(Duration wait) {
        running = false;
        wake();
        Thread t = loop;
        try {
            if (t != null) {
                t.join(wait.toMillis());
            }
            senders.shutdown();
            if (!senders.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "Posts still being sent after {0}; their deliveries come back when the claims run out", wait);
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            nodes.leave(options.node());
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Could not leave the node registry: {0}", e.getMessage());
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
