package dev.studybot.platform;

import dev.studybot.domain.ChannelRef;
import dev.studybot.wiring.Wiring;
import java.util.List;

/**
 * One chat adapter, running in studybot's production wiring against its platform's emulator, as
 * {@link PlatformContract} drives it: who is on the platform, what they send (commands, button
 * clicks, form submissions), what the bot showed them and the channel, and the faults the
 * platform can play. Everything happens in one channel, {@link #channel()}.
 *
 * <p>Methods that send something wait, within a deadline, for the bot's answer and fail when it
 * does not come; the others read what the emulator recorded so far. A driver may check what is
 * particular to its platform on the way (the form's ids, how a click is acknowledged).
 *
 * <p>The bot's answer limit ({@code answers.max-length}) is set below the platform's own limit
 * for a form field, so the form shows the bot's limit.
 */
public interface PlatformDriver extends AutoCloseable {

    /** Someone on the platform: their platform id and the display name the bot shows. */
    record Person(String id, String name) {
    }

    /** A question post in the channel: the platform's id for it, its text, and its buttons' labels in order. */
    record Message(String ref, String text, List<String> buttons) {
    }

    /** The answer form, open: the platform's id for it, the core's post it answers, its text, and its field's limit. */
    record Form(String ref, long postId, String text, int maxLength) {
    }

    /** The bot's finished answer to one request, and whether only the asker sees it. */
    record BotReply(String text, boolean privately) {
    }

    /** The running wiring, for the scheduler and the core's own view of the channel. */
    Wiring wiring();

    /** The channel every scenario plays in. */
    ChannelRef channel();

    /** An admin by the platform's own right (Manage Server, workspace admin); the same person on every call. */
    Person admin();

    /** An admin only through the role or user group config names ({@code studybot-admin}); the same person on every call. */
    Person configuredAdmin();

    /** A new member with no admin rights, shown as {@code displayName}. */
    Person member(String displayName);

    /** {@code /study text} typed in the channel by {@code who}; the reply. */
    BotReply command(Person who, String text);

    /** {@code /study text} typed by {@code who} where the answer form should open instead of a reply. */
    Form commandOpeningForm(Person who, String text);

    /** The bot's question posts in the channel, oldest first. */
    List<Message> posts();

    /** A click on the post's Answer button; the form it opens. */
    Form clickAnswer(Person who, Message post);

    /** A click on the post's Reveal button; the reply. */
    BotReply clickReveal(Person who, Message post);

    /** Submits an open form with {@code answer} in its field; the reply. */
    BotReply submit(Person who, Form form, String answer);

    /** The texts in the post's thread, oldest first. */
    List<String> thread(Message post);

    /** Every text the bot showed the channel so far: posts, public replies, threads. */
    List<String> publicMessages();

    /** The direct messages the bot sent {@code who}, oldest first. */
    List<String> directMessages(Person who);

    /** The bot's messages that pinged someone on the platform, or were free to; empty when nobody was pinged. */
    List<String> pings();

    /** How often the bot asked the platform to post in the channel, answered or not. */
    int postAttempts();

    /** The platform answers the bot's next post in the channel with a 429 and a short wait. */
    void rateLimitNextPost();

    /** The platform goes down: the bot's connection drops, new ones and API calls are refused. Returns once the bot is cut off. */
    void goDown();

    /** The platform is back; returns once the bot is connected again. */
    void comeBack();

    /**
     * The platform refuses every post in the channel for good (the channel is gone, or the bot
     * lacks a permission); returns the words the platform's refusal is described with.
     */
    List<String> refusePosts();

    /** Plain text (a question, a name) as the platform's markup shows it. */
    String shown(String plain);

    /** Stops the bot and the emulator. */
    @Override
    void close();
}
