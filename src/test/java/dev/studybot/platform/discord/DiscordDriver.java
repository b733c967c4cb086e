package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.domain.ChannelRef;
import dev.studybot.platform.PlatformDriver;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuUser;
import dev.studybot.port.in.CommandCatalog;
import dev.studybot.wiring.Wiring;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The contract's driver for Discord: a {@link DiscordBotFixture} (the real JDA client) and its
 * {@link DiscordEmulator}. Commands go as slash interactions in #general, the rest of the typed
 * line filling the subcommand's first option; a reply is private when both its acknowledgement
 * and the finished message are ephemeral.
 */
final class DiscordDriver implements PlatformDriver {
    /** JDA's reconnect backoff grows while the gateway refuses it. */
    private static final Duration RECONNECT = Duration.ofSeconds(40);
    private static final Pattern MASS_MENTION = Pattern.compile("@(everyone|here)");
    private static final Pattern ROLE_MENTION = Pattern.compile("(?<!\\\\)<@&\\d+>");

    private final DiscordBotFixture bot;
    private final Map<String, EmuUser> users = new ConcurrentHashMap<>();
    private final Person admin;
    private final Person configuredAdmin;

    DiscordDriver(DiscordBotFixture bot) {
        this.bot = bot;
        this.admin = person(bot.emu.moderator(bot.guild, "Mod"));
        this.configuredAdmin = person(bot.emu.withRole(bot.guild, "Keeper", "studybot-admin"));
    }

    private Person person(EmuUser user) {
        users.put(user.id(), user);
        return new Person(user.id(), user.name());
    }

    private EmuUser user(Person who) {
        return users.get(who.id());
    }

    @Override
    public Wiring wiring() {
        return bot.wiring;
    }

    @Override
    public ChannelRef channel() {
        return bot.channel(bot.general);
    }

    @Override
    public Person admin() {
        return admin;
    }

    @Override
    public Person configuredAdmin() {
        return configuredAdmin;
    }

    @Override
    public Person member(String displayName) {
        return person(bot.emu.member(bot.guild, displayName));
    }

    @Override
    public BotReply command(Person who, String text) {
        return reply(slash(who, text));
    }

    @Override
    public Form commandOpeningForm(Person who, String text) {
        return form(slash(who, text));
    }

    private DiscordEmulator.Sent slash(Person who, String text) {
        CommandCatalog.Spec spec = CommandCatalog.specs().stream()
                .filter(s -> text.equals(s.path()) || text.startsWith(s.path() + " "))
                .max(Comparator.comparingInt(s -> s.path().length()))
                .orElseThrow(() -> new IllegalArgumentException("no subcommand for " + text));
        String rest = text.substring(spec.path().length()).strip();
        Map<String, String> options = rest.isEmpty() ? Map.of() : Map.of(spec.options().get(0).name(), rest);
        return bot.slash(user(who), spec.path(), options);
    }

    @Override
    public List<Message> posts() {
        return bot.emu.messages(bot.general).stream()
                .filter(m -> !m.has("webhook_id") && !m.path("components").isEmpty())
                .map(m -> new Message(m.path("id").asText(), DiscordBotFixture.text(m), labels(m)))
                .toList();
    }

    private static List<String> labels(JsonNode message) {
        List<String> labels = new ArrayList<>();
        message.path("components").get(0).path("components").forEach(b -> labels.add(b.path("label").asText()));
        return labels;
    }

    @Override
    public Form clickAnswer(Person who, Message post) {
        String customId = button(post, "Answer");
        assertThat(customId).startsWith("study:answer:");
        Form form = form(bot.emu.button(user(who), bot.guild, post.ref(), customId));
        assertThat(form.ref()).isEqualTo("study:answer-form:" + customId.substring("study:answer:".length()));
        return form;
    }

    @Override
    public BotReply clickReveal(Person who, Message post) {
        String customId = button(post, "Reveal answer");
        assertThat(customId).startsWith("study:reveal:");
        DiscordEmulator.Sent click = bot.emu.button(user(who), bot.guild, post.ref(), customId);
        assertThat(bot.callback(click).type()).as("the click is deferred while the core looks up the answer").isEqualTo(5);
        return reply(click);
    }

    private String button(Message post, String label) {
        ObjectNode message = bot.emu.message(post.ref()).orElseThrow();
        for (JsonNode b : message.path("components").get(0).path("components")) {
            if (b.path("label").asText().equals(label)) {
                return b.path("custom_id").asText();
            }
        }
        throw new AssertionError("no button " + label + " on " + message);
    }

    /** The modal an interaction was answered with: Discord's answer form with its one text field. */
    private Form form(DiscordEmulator.Sent sent) {
        DiscordEmulator.Callback callback = bot.callback(sent);
        assertThat(callback.type()).as("a modal").isEqualTo(9);
        JsonNode modal = callback.data();
        String id = modal.path("custom_id").asText();
        assertThat(id).startsWith("study:answer-form:");
        JsonNode field = textInput(modal);
        assertThat(field.path("custom_id").asText()).isEqualTo("answer");
        return new Form(id, Long.parseLong(id.substring("study:answer-form:".length())), texts(modal), field.path("max_length").asInt());
    }

    private static JsonNode textInput(JsonNode modal) {
        for (JsonNode c : modal.path("components")) {
            if (c.path("type").asInt() == 18) {
                return c.path("component");
            }
        }
        throw new AssertionError("no label with a text input in " + modal);
    }

    /** Every text a modal shows: its title, text displays, labels and their descriptions. */
    private static String texts(JsonNode modal) {
        StringBuilder out = new StringBuilder(modal.path("title").asText(""));
        for (JsonNode c : modal.path("components")) {
            for (String field : List.of("content", "label", "description")) {
                out.append('\n').append(c.path(field).asText(""));
            }
        }
        return out.toString();
    }

    @Override
    public BotReply submit(Person who, Form form, String answer) {
        return reply(bot.emu.modalSubmit(user(who), bot.guild, bot.general, form.ref(), "answer", answer));
    }

    private BotReply reply(DiscordEmulator.Sent sent) {
        DiscordBotFixture.Reply reply = bot.reply(sent);
        return new BotReply(reply.text(), bot.callback(sent).ephemeral() && reply.ephemeral());
    }

    @Override
    public List<String> thread(Message post) {
        return bot.emu.messages(post.ref()).stream().map(DiscordBotFixture::text).toList();
    }

    @Override
    public List<String> publicMessages() {
        return bot.emu.guildMessages().stream().map(DiscordBotFixture::text).toList();
    }

    @Override
    public List<String> directMessages(Person who) {
        return bot.emu.directMessages(who.id()).stream().map(DiscordBotFixture::text).toList();
    }

    /**
     * Messages Discord let ping, and every message body that would ping were its allowed mentions
     * lost: without an empty {@code parse}, or with a mass or role mention left intact in its text.
     */
    @Override
    public List<String> pings() {
        List<String> out = new ArrayList<>(bot.emu.pings().stream().map(m -> "pinged: " + DiscordBotFixture.text(m)).toList());
        for (DiscordEmulator.RecordedRequest r : bot.emu.requests()) {
            JsonNode body = r.body().path("data").has("embeds") ? r.body().get("data") : r.body();
            if (!body.has("embeds") && !body.has("content")) {
                continue;
            }
            String text = DiscordBotFixture.text(body);
            JsonNode parse = body.path("allowed_mentions").path("parse");
            if (!parse.isArray() || !parse.isEmpty()) {
                out.add("free to ping: " + text);
            }
            if (MASS_MENTION.matcher(text).find() || ROLE_MENTION.matcher(text).find()) {
                out.add("a mention in the text: " + text);
            }
        }
        return out;
    }

    @Override
    public int postAttempts() {
        String path = "channels/" + bot.general + "/messages";
        return (int) bot.emu.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals(path)).count();
    }

    @Override
    public void rateLimitNextPost() {
        bot.emu.rateLimit("POST", "^channels/" + bot.general + "/messages$", 1.0, 1);
    }

    @Override
    public void goDown() {
        bot.emu.restOutage(true);
        bot.emu.gatewayOutage(true);
        bot.emu.dropGateway();
        await().atMost(DiscordBotFixture.WAIT).until(() -> !bot.emu.gatewayConnected());
    }

    @Override
    public void comeBack() {
        bot.emu.restOutage(false);
        bot.emu.gatewayOutage(false);
        await().atMost(RECONNECT).until(bot.emu::gatewayConnected);
    }

    /** Discord answers Missing Permissions although the bot's cache says it may post. */
    @Override
    public List<String> refusePosts() {
        bot.emu.fail("POST", "^channels/" + bot.general + "/messages$", 403, 50013, "Missing Permissions", Integer.MAX_VALUE);
        return List.of("Missing Permissions", "#general");
    }

    @Override
    public String shown(String plain) {
        return new DiscordMarkup().text(plain);
    }

    @Override
    public void close() {
        bot.close();
    }
}
