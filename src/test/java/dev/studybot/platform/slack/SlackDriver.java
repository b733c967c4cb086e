package dev.studybot.platform.slack;

import static dev.studybot.platform.slack.SlackTestBot.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.domain.ChannelRef;
import dev.studybot.platform.PlatformDriver;
import dev.studybot.wiring.Wiring;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The contract's driver for Slack: a {@link SlackTestBot} (the real Bolt app in Socket Mode) and
 * its {@link SlackEmulator}. Commands are sent as Slack sends typed text; replies are what the app
 * said through the request's {@code response_url}, private when ephemeral.
 */
final class SlackDriver implements PlatformDriver {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Bolt's Socket Mode client backs off between reconnects while Slack refuses them. */
    private static final Duration RECONNECT = Duration.ofSeconds(40);

    private final SlackTestBot bot;
    private final Map<String, SlackEmulator.Member> members = new ConcurrentHashMap<>();
    private final Map<String, SlackEmulator.OpenedView> forms = new ConcurrentHashMap<>();
    private final AtomicInteger nextMember = new AtomicInteger();
    private volatile int connectionsBeforeOutage;

    private SlackDriver(SlackTestBot bot) {
        this.bot = bot;
        bot.emu.members.values().forEach(m -> members.put(m.id(), m));
    }

    /** The bot with an answer limit below Slack's 3,000 characters for an input, connected over Socket Mode. */
    static SlackDriver start(Path dir) throws Exception {
        SlackTestBot bot = SlackTestBot.start(dir, true, Map.of("STUDYBOT_ANSWERS_MAX_LENGTH", "500"));
        try {
            await().atMost(WAIT).until(bot.emu.socket::connected);
        } catch (RuntimeException | Error e) {
            bot.close();
            throw e;
        }
        return new SlackDriver(bot);
    }

    private static Person person(SlackEmulator.Member m) {
        return new Person(m.id(), m.displayName());
    }

    private SlackEmulator.Member member(Person who) {
        return members.get(who.id());
    }

    @Override
    public Wiring wiring() {
        return bot.wiring;
    }

    @Override
    public ChannelRef channel() {
        return bot.channel();
    }

    @Override
    public Person admin() {
        return person(SlackTestBot.ADMIN);
    }

    @Override
    public Person configuredAdmin() {
        return person(SlackTestBot.GROUP_ADMIN);
    }

    @Override
    public Person member(String displayName) {
        int n = nextMember.incrementAndGet();
        SlackEmulator.Member m = new SlackEmulator.Member("U0M" + n, "member" + n, displayName, false, false);
        bot.emu.addMember(m);
        members.put(m.id(), m);
        return person(m);
    }

    @Override
    public BotReply command(Person who, String text) {
        SlackRequests.Request r = send(bot.slack.slash(member(who), CHANNEL, SlackRequests.asSent(text)));
        return reply(r.responseUrl(), 0);
    }

    @Override
    public Form commandOpeningForm(Person who, String text) {
        return form(send(bot.slack.slash(member(who), CHANNEL, SlackRequests.asSent(text))));
    }

    private SlackRequests.Request send(SlackRequests.Request r) {
        try {
            bot.slack.overSocket(r).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the app did not acknowledge " + r.envelopeType(), e);
        }
        return r;
    }

    /** The answer after the first {@code earlier} ones to a response_url. */
    private BotReply reply(String responseUrl, int earlier) {
        await().atMost(WAIT).until(() -> bot.emu.responsesTo(responseUrl).size() > earlier);
        SlackEmulator.Responded r = bot.emu.responsesTo(responseUrl).get(earlier);
        return new BotReply(r.allText(), r.responseType().equals("ephemeral"));
    }

    @Override
    public List<Message> posts() {
        return cards().map(p -> new Message(p.ts(), p.allText(), labels(p.blocks()))).toList();
    }

    private Stream<SlackEmulator.Posted> cards() {
        return bot.emu.postsIn(CHANNEL).stream().filter(p -> p.threadTs() == null && !labels(p.blocks()).isEmpty());
    }

    private static List<String> labels(JsonNode blocks) {
        List<String> labels = new ArrayList<>();
        for (JsonNode block : blocks) {
            if (block.path("type").asText().equals("actions")) {
                block.path("elements").forEach(b -> labels.add(b.path("text").path("text").asText()));
            }
        }
        return labels;
    }

    private SlackEmulator.Posted card(Message post) {
        return cards().filter(p -> p.ts().equals(post.ref())).findFirst().orElseThrow();
    }

    @Override
    public Form clickAnswer(Person who, Message post) {
        return form(send(bot.slack.button(member(who), card(post), SlackRenderer.ANSWER_ACTION)));
    }

    @Override
    public BotReply clickReveal(Person who, Message post) {
        SlackRequests.Request click = send(bot.slack.button(member(who), card(post), SlackRenderer.REVEAL_ACTION));
        BotReply reply = reply(click.responseUrl(), 0);
        assertThat(bot.emu.responsesTo(click.responseUrl()).get(0).body().path("replace_original").asBoolean(true))
                .as("the reply leaves the clicked post as it was").isFalse();
        return reply;
    }

    /** The modal a request opened: the answer form, carrying its post and where its grade goes. */
    private Form form(SlackRequests.Request r) {
        await().atMost(WAIT).until(() -> bot.emu.views.stream().anyMatch(v -> v.triggerId().equals(r.triggerId())));
        SlackEmulator.OpenedView opened = bot.emu.views.stream().filter(v -> v.triggerId().equals(r.triggerId())).findFirst().orElseThrow();
        JsonNode view = opened.view();
        assertThat(view.path("callback_id").asText()).isEqualTo(SlackRenderer.ANSWER_FORM);
        FormOrigin origin = FormOrigin.parse(view.path("private_metadata").asText()).orElseThrow();
        assertThat(origin.responseUrl()).as("the grade answers the request that opened the form").isEqualTo(r.responseUrl());
        JsonNode input = inputBlock(view);
        forms.put(opened.triggerId(), opened);
        return new Form(opened.triggerId(), origin.postId(), SlackEmulator.texts(view.path("blocks")),
                input.path("element").path("max_length").asInt());
    }

    private static JsonNode inputBlock(JsonNode view) {
        for (JsonNode block : view.path("blocks")) {
            if (block.path("type").asText().equals("input")) {
                return block;
            }
        }
        throw new AssertionError("no input in " + view);
    }

    @Override
    public BotReply submit(Person who, Form form, String answer) {
        SlackEmulator.OpenedView opened = forms.get(form.ref());
        String responseUrl = FormOrigin.parse(opened.view().path("private_metadata").asText()).orElseThrow().responseUrl();
        int earlier = bot.emu.responsesTo(responseUrl).size();
        send(bot.slack.submit(member(who), opened, answer));
        return reply(responseUrl, earlier);
    }

    @Override
    public List<String> thread(Message post) {
        return bot.emu.postsIn(CHANNEL).stream().filter(p -> post.ref().equals(p.threadTs())).map(SlackEmulator.Posted::allText).toList();
    }

    @Override
    public List<String> publicMessages() {
        Stream<String> posted = bot.emu.posts.stream().filter(p -> !bot.emu.members.containsKey(p.channel())).map(SlackEmulator.Posted::allText);
        Stream<String> answered = bot.emu.responses.stream().filter(r -> r.responseType().equals("in_channel"))
                .map(SlackEmulator.Responded::allText);
        return Stream.concat(posted, answered).toList();
    }

    @Override
    public List<String> directMessages(Person who) {
        return bot.emu.postsIn(who.id()).stream().map(SlackEmulator.Posted::allText).toList();
    }

    @Override
    public List<String> pings() {
        return bot.emu.pings();
    }

    @Override
    public int postAttempts() {
        return (int) bot.emu.postAttempts.stream().filter(CHANNEL::equals).count();
    }

    @Override
    public void rateLimitNextPost() {
        bot.emu.rateLimited.put("chat.postMessage", 1);
    }

    @Override
    public void goDown() {
        connectionsBeforeOutage = bot.emu.socket.connectionsOpened();
        bot.emu.outage(true);
        await().atMost(WAIT).until(() -> !bot.emu.socket.connected());
    }

    @Override
    public void comeBack() {
        bot.emu.outage(false);
        await().atMost(RECONNECT).until(() -> bot.emu.socket.connectionsOpened() > connectionsBeforeOutage && bot.emu.socket.connected());
    }

    /** The channel was deleted: chat.postMessage answers channel_not_found. */
    @Override
    public List<String> refusePosts() {
        bot.emu.channelErrors.put(CHANNEL, "channel_not_found");
        return List.of("channel_not_found");
    }

    @Override
    public String shown(String plain) {
        return SlackMarkup.escape(plain);
    }

    @Override
    public void close() {
        try {
            bot.close();
        } catch (Exception e) {
            throw new IllegalStateException("the Slack bot did not stop cleanly", e);
        }
    }
}
