package dev.studybot.platform.discord;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.Reply;
import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.DeliveryException.Refusal;
import dev.studybot.port.out.PostedMessage;
import dev.studybot.port.out.WorkspaceBanks;
import dev.studybot.port.out.Telemetry;
import dev.studybot.port.platform.Cluster;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * studybot on Discord through JDA in light mode (no member cache, no chunking, no optional
 * intents: the always-on guild events keep channels, threads and roles). Registers {@code /study}, answers interactions through
 * {@link DiscordInteractions}, and posts the daily question, with its discussion thread, and the
 * results at close. Discord's refusals become {@link DeliveryException}s, permanent when an admin
 * must act (a permission, a deleted channel), so the core pauses the schedule instead of retrying.
 */
public final class DiscordAdapter implements ChatPlatform, AutoCloseable {
    public static final String NAME = "discord";
    /** Exactly what the bot needs in a channel (Attach Files for charts only), and all the invite URL asks for. */
    public static final EnumSet<Permission> PERMISSIONS = EnumSet.of(Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_ATTACH_FILES, Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS, Permission.MESSAGE_HISTORY);
    public static final List<String> SCOPES = List.of("bot", "applications.commands");
    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final Duration WORKER_DRAIN = Duration.ofSeconds(5);

    private final DiscordSettings settings;
    private final DiscordRenderer renderer = new DiscordRenderer();
    private final DiscordCommands commands;
    private final ExecutorService worker;
    private final DiscordInteractions interactions;
    private final GlobalPace pace;
    private final Shards shards;
    private volatile ShardManager manager;

    /**
     * The shards this adapter connects ({@code ids} of {@code plan.total()}), the session
     * controller that spaces their identifies (shared by every adapter of a node), and the REST
     * client that posts where this adapter's cache has no such server or channel.
     */
    record Shards(ShardPlan plan, Set<Integer> ids, DiscordGateway sessions, DiscordRest rest) {
        Shards {
            ids = Set.copyOf(new TreeSet<>(ids));
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("at least one shard");
            }
            ids.stream().filter(id -> id < 0 || id >= plan.total()).findFirst().ifPresent(id -> {
                throw new IllegalArgumentException("shard " + id + " is not one of the " + plan.total());
            });
        }

        /** One connection for the whole bot: shard 0 of 1. */
        static Shards single(DiscordSettings settings, GlobalPace pace) {
            return new Shards(new ShardPlan(1), Set.of(0), sessions(settings, Cluster.single("").leases()), new DiscordRest(settings, pace));
        }

        /** The session controller of a node: identifies spaced by Discord's window, per key, across the nodes sharing {@code keys}. */
        static DiscordGateway sessions(DiscordSettings settings, Cluster.Leases keys) {
            return new DiscordGateway(Optional.of(settings.gatewayUrl()).filter(u -> !u.isEmpty()), settings.identifyWindow(), keys);
        }

        /** Shards in order, for logs: "0-3 of 4", "2 of 4". */
        String describe() {
            List<Integer> sorted = new TreeSet<>(ids).stream().toList();
            boolean run = sorted.get(sorted.size() - 1) - sorted.get(0) == sorted.size() - 1;
            String list = sorted.size() == 1 ? sorted.get(0).toString()
                    : run ? sorted.get(0) + "-" + sorted.get(sorted.size() - 1)
                    : sorted.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
            return list + " of " + plan.total();
        }
    }

    public DiscordAdapter(DiscordSettings settings, CommandHandler handler, WorkspaceBanks banks) {
        this(settings, handler, banks, Telemetry.NONE);
    }

    public DiscordAdapter(DiscordSettings settings, CommandHandler handler, WorkspaceBanks banks, Telemetry telemetry) {
        this(settings, new GlobalPace(settings.globalRate(), () -> 1), handler, banks, telemetry);
    }

    private DiscordAdapter(DiscordSettings settings, GlobalPace pace, CommandHandler handler, WorkspaceBanks banks, Telemetry telemetry) {
        this(settings, pace, handler, banks, telemetry, Shards.single(settings, pace));
    }

    DiscordAdapter(DiscordSettings settings, GlobalPace pace, CommandHandler handler, WorkspaceBanks banks, Telemetry telemetry, Shards shards) {
        this.settings = settings;
        this.pace = pace;
        this.shards = shards;
        this.commands = new DiscordCommands(settings.maxAnswerLength());
        this.worker = Executors.newFixedThreadPool(settings.workers(), named("studybot-discord-"));
        this.interactions = new DiscordInteractions(handler, commands, renderer, new DiscordAutocomplete(banks), worker,
                settings.maxAnswerLength(), telemetry);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Whether every shard's gateway session is up (JDA reconnects by itself when one drops). */
    public boolean connected() {
        ShardManager api = manager;
        if (api == null) {
            return false;
        }
        List<JDA> running = api.getShards();
        return running.size() == shards.ids().size() && running.stream().allMatch(j -> j.getStatus() == JDA.Status.CONNECTED);
    }

    /** The shards this adapter connects. */
    Shards shards() {
        return shards;
    }

    /**
     * Connects this adapter's shards (their identifies spaced as Discord allows), waits until each
     * has loaded its servers, registers {@code /study} (globally from the node holding shard 0) and
     * logs the invite URL.
     */
    public void start() throws InterruptedException {
        noPings();
        DiscordGateway gateway = shards.sessions();
        GatewayWatch watch = new GatewayWatch(gateway.unreachable(shards.ids()), shards.ids().size());
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
                .setShardsTotal(shards.plan().total())
                .setShards(shards.ids())
                .setEnableShutdownHook(false)
                .setHttpClientBuilder(new okhttp3.OkHttpClient.Builder().addInterceptor(pace))
                .setSessionController(gateway)
                .addEventListeners(interactions, watch);
        if (!settings.apiBaseUrl().isEmpty()) {
            builder.setRestConfig(new RestConfig().setBaseUrl(settings.restBase()));
        }
        LOG.info("Connecting to Discord, shards {} ({})", shards.describe(), settings);
        try {
            manager = builder.build();
            GatewayWatch.Outcome outcome = watch.await();
            if (outcome == GatewayWatch.Outcome.UNREACHABLE) {
                stopNow();
                String where = settings.gatewayUrl().isEmpty() ? "Discord's gateway" : "the Discord gateway at " + settings.gatewayUrl();
                throw new IllegalStateException(where + " cannot be reached: " + DiscordGateway.ATTEMPTS
                        + " connection attempts failed before studybot was ready");
            }
            if (outcome == GatewayWatch.Outcome.SHARDING_REQUIRED) {
                stopNow();
                throw new ShardingRequired(shards.plan().total());
            }
            // ready, or JDA gave up on its own (a refused token, an unreachable API): awaitReady says which
            for (JDA shard : manager.getShards()) {
                shard.awaitReady();
            }
        } catch (RuntimeException e) {
            // JDA reports a network failure as "-1: java.net.UnknownHostException"; say which service cannot be reached
            Optional<IOException> io = ioCause(e);
            if (io.isEmpty()) {
                throw e;
            }
            stopNow();
            String where = settings.apiBaseUrl().isEmpty() ? "discord.com" : settings.apiBaseUrl();
            throw new IllegalStateException("the Discord API at " + where + " cannot be reached: " + reason(io.get()), e);
        }
        register();
        LOG.info("Discord ready as {} in {} servers on shards {}. Invite it with: {}", self().getSelfUser().getName(),
                manager.getGuildCache().size(), shards.describe(), inviteUrl());
    }

    /**
     * Discord closed a shard with 4011: the bot is in too many servers for {@code total} shards.
     * The module starts again with more, or stops naming {@code discord.shards.total}.
     */
    static final class ShardingRequired extends IllegalStateException {
        final int total;

        ShardingRequired(int total) {
            super("Discord requires more shards (close code 4011, sharding required): studybot is in too many servers for "
                    + total + (total == 1 ? " shard" : " shards"));
            this.total = total;
        }
    }

    private void stopNow() {
        ShardManager api = manager;
        manager = null;
        if (api != null) {
            api.shutdown();
            api.getShards().forEach(JDA::shutdownNow);
        }
    }

    /** The first running shard: the bot's own user, direct messages, registration. */
    private JDA self() {
        return manager.getShards().get(0);
    }

    /** Nothing the bot sends may ping: the default for every message JDA builds or serialises. */
    static void noPings() {
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
    }

    /** Waits for the first connection of every shard: all ready, one refused with 4011, JDA giving up, or the gateway out of reach. */
    private static final class GatewayWatch extends net.dv8tion.jda.api.hooks.ListenerAdapter {
        enum Outcome { READY, STOPPED, SHARDING_REQUIRED, UNREACHABLE }

        private final java.util.concurrent.CompletableFuture<Outcome> outcome = new java.util.concurrent.CompletableFuture<>();
        private final Set<Integer> ready = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final int shards;

        GatewayWatch(java.util.concurrent.CompletableFuture<Void> unreachable, int shards) {
            this.shards = shards;
            unreachable.thenRun(() -> outcome.complete(Outcome.UNREACHABLE));
        }

        @Override
        public void onReady(net.dv8tion.jda.api.events.session.ReadyEvent event) {
            ready.add(event.getJDA().getShardInfo().getShardId());
            if (ready.size() == shards) {
                outcome.complete(Outcome.READY);
            }
        }

        @Override
        public void onStatusChange(net.dv8tion.jda.api.events.StatusChangeEvent event) {
            if (event.getNewStatus() == JDA.Status.FAILED_TO_LOGIN) {
                outcome.complete(Outcome.STOPPED);
            }
        }

        @Override
        public void onShutdown(net.dv8tion.jda.api.events.session.ShutdownEvent event) {
            boolean resharding = event.getCloseCode() == CloseCode.SHARDING_REQUIRED;
            if (!outcome.complete(resharding ? Outcome.SHARDING_REQUIRED : Outcome.STOPPED) && resharding) {
                // after the start: the bot grew past what its shards may carry while running
                JDA.ShardInfo shard = event.getJDA().getShardInfo();
                LOG.error("Discord closed shard {} with 4011 (sharding required): studybot is in too many servers for {} shards. "
                        + "Its servers' commands go unanswered (posts still go out by REST) until studybot is restarted with "
                        + "discord.shards.total auto or a larger number", shard.getShardId(), shard.getShardTotal());
            }
        }

        Outcome await() throws InterruptedException {
            try {
                return outcome.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static Optional<IOException> ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }

    /** A network failure in words: "unknown host discord.com", "connection refused". */
    private static String reason(IOException e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? null : e.getMessage();
        return switch (e) {
            case UnknownHostException u -> "unknown host" + (message == null ? "" : " " + message);
            case ConnectException c -> message == null ? "connection refused" : message.toLowerCase(Locale.ROOT);
            case SocketTimeoutException t -> "timed out";
            default -> message == null ? e.getClass().getSimpleName() : message;
        };
    }

    /** The invite URL: scopes bot and applications.commands, and exactly {@link #PERMISSIONS}. */
    public String inviteUrl() {
        return "https://discord.com/oauth2/authorize?client_id=" + self().getSelfUser().getApplicationId()
                + "&scope=" + String.join("+", SCOPES) + "&permissions=" + Permission.getRaw(PERMISSIONS);
    }

    /** Global commands from the adapter holding shard 0 (once for the bot); per-server commands where the server's shard is here. */
    private void register() {
        SlashCommandData study = commands.definition();
        if (settings.guilds().isEmpty()) {
            if (shards.ids().contains(0)) {
                self().updateCommands().addCommands(study).complete();
                LOG.info("Registered /study globally");
            }
            return;
        }
        for (String id : settings.guilds()) {
            if (!shards.ids().contains(shards.plan().shardOf(id))) {
                continue;
            }
            Guild guild = manager.getGuildById(id);
            if (guild == null) {
                LOG.warn("Cannot register /study in server {}: studybot is not in it", id);
                continue;
            }
            guild.updateCommands().addCommands(study).complete();
            LOG.info("Registered /study in server {} ({})", guild.getName(), id);
        }
    }

    @Override
    public PostedMessage post(ChannelRef where, Optional<PostedMessage> inThreadOf, Reply reply) throws DeliveryException {
        ShardManager api = manager;
        if (api == null) {
            throw new DeliveryException(new Refusal.Unavailable(), "the Discord connection is not running");
        }
        Optional<GuildMessageChannel> cached = resolve(api, where);
        if (cached.isEmpty()) {
            // not in this node's cache (another node's shard, a shard still loading, or gone): Discord's answer decides
            return shards.rest().post(where, inThreadOf, reply);
        }
        GuildMessageChannel channel = cached.get();
        String place = "#" + channel.getName();
        DiscordView view = attachable(channel, renderer.render(reply), place);
        if (inThreadOf.isPresent()) {
            return postInThread(api, channel, inThreadOf.get(), view, place);
        }
        boolean opensThread = reply instanceof Reply.QuestionCard && channel instanceof IThreadContainer;
        requirePermissions(channel, opensThread, place);
        // the post's id as the message nonce: Discord returns the message it already has for a resend
        Optional<String> nonce = DiscordIds.nonce(reply);
        Message first;
        try {
            first = send(channel, view.messages(), Optional.empty(), nonce);
        } catch (RuntimeException e) {
            throw DiscordFailures.delivery(place, e);
        }
        if (!opensThread) {
            return new PostedMessage(first.getId(), Optional.empty());
        }
        try {
            ThreadChannel thread = first.createThreadChannel(DiscordRenderer.threadName(((Reply.QuestionCard) reply).question()))
                    .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK)
                    .complete();
            return new PostedMessage(first.getId(), Optional.of(thread.getId()));
        } catch (RuntimeException e) {
            // The question is out and its buttons work; only the discussion thread is missing, and results will reply to the post.
            LOG.warn("Posted in {} of server {} but could not open its thread: {}", place, where.workspace(),
                    DiscordFailures.delivery(place, e).getMessage());
            return new PostedMessage(first.getId(), Optional.empty());
        }
    }

    @Override
    public void tell(WorkspaceRef workspace, String userId, Reply reply) throws DeliveryException {
        ShardManager api = manager;
        if (api == null || api.getShards().isEmpty()) {
            throw new DeliveryException(new Refusal.Unavailable(), "the Discord connection is not running");
        }
        try {
            PrivateChannel dm = api.getShards().get(0).openPrivateChannelById(userId).complete();
            for (MessageCreateData data : renderer.render(reply).messages()) {
                dm.sendMessage(data).complete();
            }
        } catch (RuntimeException e) {
            throw DiscordFailures.delivery("a direct message to member " + userId, e);
        }
    }

    /** Results go in the post's thread; without one (never opened, archived, locked, gone) as a reply to the post. */
    private PostedMessage postInThread(ShardManager api, GuildMessageChannel channel, PostedMessage post, DiscordView view, String place)
            throws DeliveryException {
        Optional<ThreadChannel> thread = post.threadRef().map(api::getThreadChannelById).filter(t -> !t.isLocked());
        if (thread.isPresent()) {
            try {
                Message sent = send(thread.get(), view.messages(), Optional.empty(), Optional.empty());
                return new PostedMessage(sent.getId(), Optional.of(thread.get().getId()));
            } catch (RuntimeException e) {
                LOG.info("Could not post in thread {} of {}, replying to the post instead: {}", thread.get().getId(), place, e.toString());
            }
        }
        requirePermissions(channel, false, place);
        try {
            return new PostedMessage(send(channel, view.messages(), Optional.of(post.messageRef()), Optional.empty()).getId(), Optional.empty());
        } catch (RuntimeException e) {
            throw DiscordFailures.delivery(place, e);
        }
    }

    private static Message send(GuildMessageChannel channel, List<MessageCreateData> messages, Optional<String> replyTo,
                                Optional<String> nonce) {
        List<Message> sent = new ArrayList<>();
        for (MessageCreateData data : messages) {
            var action = channel.sendMessage(data);
            if (sent.isEmpty() && replyTo.isPresent()) {
                action = action.setMessageReference(replyTo.get()).failOnInvalidReply(false);
            }
            if (sent.isEmpty() && nonce.isPresent()) {
                action = action.setNonce(nonce.get());
            }
            sent.add(action.complete());
        }
        return sent.get(0);
    }

    /**
     * The channel from this node's cache, if there: a server on another node's shard, one whose
     * shard is still loading, or a channel the cache does not know is posted by REST, and only
     * Discord's own 403 or 404 makes a refusal of it.
     */
    private static Optional<GuildMessageChannel> resolve(ShardManager api, ChannelRef where) throws DeliveryException {
        Guild guild = api.getGuildById(where.workspace());
        GuildChannel channel = guild == null ? null : guild.getGuildChannelById(where.channel());
        if (channel == null) {
            return Optional.empty();
        }
        if (!(channel instanceof GuildMessageChannel messages)) {
            throw new DeliveryException(new Refusal.NotATextChannel(), "#" + channel.getName(), null, "#" + channel.getName() + " is not a text channel", null);
        }
        return Optional.of(messages);
    }

    /** A picture goes only where the bot may attach files; without that permission the text goes alone. */
    private static DiscordView attachable(GuildMessageChannel channel, DiscordView view, String place) {
        if (view.picture().isEmpty()) {
            return view;
        }
        GuildChannel permissionHolder = channel instanceof ThreadChannel t ? t.getParentChannel() : channel;
        if (channel.getGuild().getSelfMember().hasPermission(permissionHolder, Permission.MESSAGE_ATTACH_FILES)) {
            return view;
        }
        LOG.info("Posting to {} without its chart: studybot may not attach files there", place);
        return view.withoutPicture();
    }

    /** Checks the bot's own permissions before sending, so an admin gets a reason instead of a half-made post. */
    private static void requirePermissions(GuildMessageChannel channel, boolean opensThread, String place) throws DeliveryException {
        Member self = channel.getGuild().getSelfMember();
        EnumSet<Permission> needed = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_EMBED_LINKS,
                channel instanceof ThreadChannel ? Permission.MESSAGE_SEND_IN_THREADS : Permission.MESSAGE_SEND);
        if (opensThread) {
            needed.add(Permission.CREATE_PUBLIC_THREADS);
            needed.add(Permission.MESSAGE_SEND_IN_THREADS);
        }
        GuildChannel permissionHolder = channel instanceof ThreadChannel t ? t.getParentChannel() : channel;
        List<String> missing = needed.stream().filter(p -> !self.hasPermission(permissionHolder, p)).map(Permission::getName).toList();
        if (!missing.isEmpty()) {
            throw new DeliveryException(new Refusal.MissingPermissions(missing), place, null, "missing " + String.join(", ", missing) + " in " + place, null);
        }
    }

    /**
     * Stops taking interactions, lets the ones in progress finish (their replies are already
     * queued in JDA, which sends queued requests before it shuts down), then disconnects.
     */
    @Override
    public void close() {
        ShardManager api = manager;
        if (api != null) {
            api.removeEventListener(interactions);
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(WORKER_DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Interactions still running after {} s; shutting down anyway", WORKER_DRAIN.toSeconds());
            }
            if (api != null) {
                List<JDA> running = api.getShards();
                api.shutdown();
                for (JDA shard : running) {
                    if (!shard.awaitShutdown(SHUTDOWN_WAIT)) {
                        shard.shutdownNow();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (api != null) {
                api.getShards().forEach(JDA::shutdownNow);
            }
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
