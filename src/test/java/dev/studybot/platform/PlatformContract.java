package dev.studybot.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.app.DailyPosts;
import dev.studybot.domain.Actor;
import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.platform.PlatformDriver.BotReply;
import dev.studybot.platform.PlatformDriver.Form;
import dev.studybot.platform.PlatformDriver.Message;
import dev.studybot.platform.PlatformDriver.Person;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform scenarios every chat adapter passes, written once: the daily post and its buttons,
 * the answer form, reveal, admin rights, mentions that must not ping, and how rate limits,
 * outages and refusals of the platform reach the schedule. A platform runs them by extending this
 * class with a {@link PlatformDriver} over its emulator; each scenario gets a fresh bot.
 *
 * <p>Expectations are stated in the platform's own terms where they differ: text through
 * {@link PlatformDriver#shown}, the question and post through the core's own view of the channel.
 */
public abstract class PlatformContract {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a single post must stay single: a duplicate from a retry would show by then. */
    private static final Duration STAYS = Duration.ofSeconds(1);
    private static final Pattern COVERED = Pattern.compile("You covered\\W*(\\d+) of (\\d+)");
    private static final Pattern POINTS = Pattern.compile("\\+(\\d+) points");
    private static final Pattern PLAIN_RUN = Pattern.compile("[A-Za-z]+(?: [A-Za-z]+)+");

    @TempDir
    Path dir;
    private PlatformDriver driver;

    /** studybot with this platform's adapter against its emulator, connected and ready for requests. */
    protected abstract PlatformDriver start(Path dir) throws Exception;

    @BeforeEach
    void startBot() throws Exception {
        driver = start(dir);
    }

    @AfterEach
    void stopBot() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aScheduledPostArrivesWithItsQuestionTopicLevelIdAndBothButtons() {
        schedule(driver.admin());
        Instant slot = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        driver.wiring().scheduler().fire(driver.channel(), slot);

        Message post = awaitPosts(1).get(0);
        Question q = today().question();
        assertThat(post.text()).contains("Question of the day", driver.shown(q.text()), driver.shown(q.topic()), q.level().label(), q.id());
        assertThat(post.buttons()).containsExactly("Answer", "Reveal answer");

        // the same slot again (a retry, a second fire): never a second post
        assertThat(driver.wiring().dailyPosts().postScheduled(driver.channel(), slot)).isEqualTo(DailyPosts.Outcome.ALREADY_POSTED);
        assertThat(driver.posts()).hasSize(1);
    }

    @Test
    void aMemberAnswersThroughTheFormIsGradedPrivatelyAndNamedInTheResultsAtClose() {
        Person admin = driver.admin();
        Person noor = driver.member("Noor");
        Message post = postNow(admin);
        Reply.QuestionCard today = today();
        Question q = today.question();
        int limit = driver.wiring().settings().maxAnswerLength();

        Form form = driver.clickAnswer(noor, post);
        assertThat(form.postId()).isEqualTo(today.postId().orElseThrow());
        assertThat(form.text()).contains(driver.shown(q.text()));
        assertThat(form.maxLength()).isEqualTo(limit);

        BotReply graded = driver.submit(noor, form, answerCovering(q, 2));
        assertThat(graded.privately()).isTrue();
        Matcher covered = find(COVERED, graded.text());
        Matcher points = find(POINTS, graded.text());
        assertThat(Integer.parseInt(covered.group(1))).isPositive();
        assertThat(Integer.parseInt(covered.group(2))).isEqualTo(q.keyPoints().size());

        // over the limit: refused, and not recorded (the results below show the graded answer)
        BotReply tooLong = driver.submit(noor, form, "dropout ".repeat(limit / 8 + 1));
        assertThat(tooLong.privately()).isTrue();
        assertThat(tooLong.text()).contains("the limit is " + String.format(Locale.ENGLISH, "%,d", limit), "Nothing was recorded");

        // the next post closes this one: model answer and results in its thread
        postNow(admin);
        await().atMost(WAIT).untilAsserted(() -> assertThat(String.join("\n", driver.thread(post))).contains("Closed", "Results", plainRun(q.answer()), "What a full answer shows",
                driver.shown(q.keyPoints().get(0).label()), "Noor",
                points.group(1) + " points (" + covered.group(1) + "/" + covered.group(2) + " claims)"));
        assertThat(driver.posts()).hasSize(2);
    }

    @Test
    void answerWithoutTextOpensTheFormAndTheGradeComesBackPrivately() {
        Person noor = driver.member("Noor");
        postNow(driver.admin());
        Reply.QuestionCard today = today();

        Form form = driver.commandOpeningForm(noor, "answer");
        assertThat(form.postId()).isEqualTo(today.postId().orElseThrow());
        assertThat(form.text()).contains(driver.shown(today.question().text()));

        BotReply graded = driver.submit(noor, form, "no idea");
        assertThat(graded.privately()).isTrue();
        assertThat(graded.text()).contains("You covered").contains("0 of " + today.question().keyPoints().size());
    }

    @Test
    void revealIsPrivateToWhoeverAskedAndPostsNothingInTheChannel() {
        Message post = postNow(driver.admin());
        Question q = today().question();
        int before = driver.publicMessages().size();

        BotReply reveal = driver.clickReveal(driver.member("Bo"), post);

        assertThat(reveal.privately()).isTrue();
        assertThat(reveal.text()).contains("Model answer", q.id(), plainRun(q.answer()), "no points for this question");
        assertThat(driver.publicMessages()).hasSize(before);
    }

    @Test
    void aMembersAdminCommandIsRefusedPrivatelyAndChangesNothingWhileAdminsMay() {
        Person ada = driver.member("Ada");
        BotReply refused = driver.command(ada, "schedule set daily 09:00");
        assertThat(refused.privately()).isTrue();
        assertThat(refused.text()).contains("Only admins can do that", "studybot-admin", "Nothing was changed");
        assertThat(driver.wiring().scheduler().next(driver.channel())).isEmpty();
        assertThat(driver.command(ada, "schedule show").text()).contains("No daily question is scheduled");
        BotReply post = driver.command(ada, "post");
        assertThat(post.privately()).isTrue();
        assertThat(post.text()).contains("Only admins");
        assertThat(driver.posts()).isEmpty();
        assertThat(driver.publicMessages()).isEmpty();

        // the role or user group config names makes an admin, and so does the platform's own right
        assertThat(driver.command(driver.configuredAdmin(), "schedule set daily 09:00").text()).contains("Daily question");
        assertThat(driver.wiring().scheduler().next(driver.channel())).isPresent();
        assertThat(driver.command(driver.admin(), "schedule off").text()).contains("is off");
        assertThat(driver.wiring().scheduler().next(driver.channel())).isEmpty();
    }

    @Test
    void mentionsInTeamNamesAndDisplayNamesPingNobody() {
        Person ada = driver.member("Ada");
        assertThat(driver.command(ada, "team create @everyone").text()).contains("cannot contain mentions");
        assertThat(driver.command(ada, "team create @here").text()).contains("cannot contain mentions");
        assertThat(driver.command(ada, "team join @here").text()).contains(driver.shown("@here"));

        BotReply created = driver.command(driver.member("@everyone"), "team create Loud Ones");
        assertThat(created.privately()).isFalse();
        assertThat(created.text()).contains(driver.shown("@everyone") + " created team Loud Ones");
        assertThat(driver.command(ada, "team list").text()).contains("Loud Ones").doesNotContain("everyone", "here");

        assertThat(driver.pings()).isEmpty();
    }

    @Test
    void aRateLimitedPostIsWaitedOutAndGoesOutOnce() {
        schedule(driver.admin());
        driver.rateLimitNextPost();

        driver.wiring().scheduler().fire(driver.channel(), Instant.now().truncatedTo(ChronoUnit.SECONDS));

        awaitPosts(1);
        assertPostsStay(1);
        assertThat(driver.postAttempts()).as("the limited attempt, then the post").isEqualTo(2);
    }

    @Test
    void aPostDueDuringAnOutageGoesOutOnceWhenThePlatformIsBack() {
        schedule(driver.admin());
        driver.goDown();

        driver.wiring().scheduler().fire(driver.channel(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        await().atMost(WAIT).until(() -> driver.postAttempts() > 0);
        assertThat(driver.posts()).isEmpty();
        driver.comeBack();

        awaitPosts(1);
        assertPostsStay(1);
        // and the bot answers members on the new connection
        assertThat(driver.command(driver.member("Cy"), "today").text()).contains(today().question().id());
    }

    @Test
    void aPermanentRefusalPausesTheScheduleAndScheduleShowSaysWhy() {
        Person admin = driver.admin();
        schedule(admin);
        List<String> reason = driver.refusePosts();

        driver.wiring().scheduler().fire(driver.channel(), Instant.now().truncatedTo(ChronoUnit.SECONDS));

        // the admin who set the schedule hears why, once it is paused
        await().atMost(WAIT).until(() -> !driver.directMessages(admin).isEmpty());
        assertThat(driver.directMessages(admin)).singleElement()
                .satisfies(dm -> assertThat(dm).contains("is paused", driver.channel().channel()).contains(reason));
        assertThat(driver.posts()).isEmpty();
        assertThat(driver.wiring().scheduler().next(driver.channel())).isEmpty();
        assertThat(driver.command(driver.member("Ada"), "schedule show").text()).contains("Paused").contains(reason);
    }

    @Test
    void aReviewAndItsGradeAreSeenOnlyByTheMember() {
        Person noor = driver.member("Noor");
        postNow(driver.admin());
        Question q = today().question();
        BotReply answered = driver.command(noor, "answer " + answerCovering(q, 1));
        assertThat(answered.text()).contains("You covered");
        int publicBefore = driver.publicMessages().size();

        BotReply review = driver.command(noor, "review next " + q.topic());
        assertThat(review.privately()).isTrue();
        assertThat(review.text()).contains(driver.shown(q.text()), "review answer");
        BotReply graded = driver.command(noor, "review answer " + answerCovering(q, q.keyPoints().size()));
        assertThat(graded.privately()).isTrue();
        assertThat(graded.text()).contains("Review of", q.id(), "Next review");
        BotReply off = driver.command(noor, "review off");
        assertThat(off.privately()).isTrue();
        assertThat(driver.publicMessages()).as("nothing of a review in the channel").hasSize(publicBefore);
    }

    private void schedule(Person admin) {
        assertThat(driver.command(admin, "schedule set daily 09:00").text()).contains("Daily question");
    }

    /** An admin's {@code /study post}; the new post. */
    private Message postNow(Person admin) {
        int before = driver.posts().size();
        BotReply reply = driver.command(admin, "post");
        assertThat(reply.privately()).isTrue();
        assertThat(reply.text()).contains("Posted the next question");
        return awaitPosts(before + 1).get(before);
    }

    private List<Message> awaitPosts(int count) {
        await().atMost(WAIT).until(() -> driver.posts().size() >= count);
        assertThat(driver.posts()).hasSize(count);
        return driver.posts();
    }

    private void assertPostsStay(int count) {
        await().during(STAYS).atMost(STAYS.plusSeconds(3)).until(() -> driver.posts().size() == count);
    }

    /** Today's question and post as the core sees the channel, whatever the platform showed. */
    private Reply.QuestionCard today() {
        Reply reply = driver.wiring().bot().handle(new Command(driver.channel(), Actor.member("contract", "contract"), new Action.Today())).reply();
        assertThat(reply).isInstanceOf(Reply.QuestionCard.class);
        return (Reply.QuestionCard) reply;
    }

    /** An answer naming the first {@code n} key points in their own words. */
    private static String answerCovering(Question q, int n) {
        return "My answer: " + q.keyPoints().stream().limit(n).map(KeyPoint::phrasings).map(p -> p.get(0))
                .collect(Collectors.joining(", and also ")) + ".";
    }

    /** The longest run of plain words in bank Markdown: it reads the same in every platform's markup. */
    private static String plainRun(String markdown) {
        Matcher m = PLAIN_RUN.matcher(markdown);
        String longest = "";
        while (m.find()) {
            longest = m.group().length() > longest.length() ? m.group() : longest;
        }
        assertThat(longest).as("plain words in " + markdown).isNotEmpty();
        return longest;
    }

    private static Matcher find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(pattern + " in " + text).isTrue();
        return m;
    }
}
