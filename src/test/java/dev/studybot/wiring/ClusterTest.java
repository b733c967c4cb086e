package dev.studybot.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import dev.studybot.port.out.DeliveryQueue;
import dev.studybot.store.SqlDeliveryQueue;
import dev.studybot.store.SqlPostStore;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.Postgres;
import dev.studybot.support.TestBot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two studybot nodes on one PostgreSQL database, each with the production wiring: Quartz's cluster
 * and the shared delivery queue post every channel's slot exactly once, whichever node its trigger
 * fires on and however often, and a node that died holding deliveries (and a reservation it never
 * sent) leaves them to the other once its claims run out.
 */
class ClusterTest {

    private static Wiring node(String url) {
        Wiring.Options options = Wiring.Options.of(TestBot.config(Map.of("STUDYBOT_DATABASE_URL", url)), Clock.systemUTC())
                .withPaths(null, TestBot.TEST_BANK)
                .withDatabaseLogin(new Wiring.DatabaseLogin("postgres", "postgres"));
        return new Wiring(options);
    }

    private static List<ChannelRef> schedule(Wiring wiring, int channels) {
        Actor admin = new Actor("ada", "ada", true, Set.of());
        List<ChannelRef> refs = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            ChannelRef channel = TestBot.channel("study-" + i);
            Reply reply = wiring.bot().handleText(channel, admin, "/study schedule set daily 09:00 UTC").reply();
            assertThat(reply).isInstanceOf(Reply.ScheduleInfo.class);
            refs.add(channel);
        }
        return refs;
    }

    private static Map<ChannelRef, Long> postsPerChannel(FakePlatform... platforms) {
        return Stream.of(platforms).flatMap(p -> p.sent().stream()).filter(s -> s.reply() instanceof Reply.QuestionCard)
                .collect(Collectors.groupingBy(FakePlatform.Sent::channel, Collectors.counting()));
    }

    @Test
    void everySlotIsPostedOnceWhicheverNodeFiresItAndHowOften() throws Exception {
        String url = Postgres.database("two_nodes");
        try (Wiring a = node(url); Wiring b = node(url)) {
            FakePlatform onA = new FakePlatform(TestBot.PLATFORM);
            FakePlatform onB = new FakePlatform(TestBot.PLATFORM);
            a.register(onA);
            b.register(onB);
            a.start();
            b.start();
            List<ChannelRef> channels = schedule(a, 40);
            Instant slot = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < channels.size(); i++) {
                // each trigger fires on one node, and a quarter of them on both as well
                (i % 2 == 0 ? a : b).scheduler().fire(channels.get(i), slot);
                if (i % 4 == 0) {
                    (i % 2 == 0 ? b : a).scheduler().fire(channels.get(i), slot);
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> postsPerChannel(onA, onB).size() == channels.size());
            await().atMost(Duration.ofSeconds(10)).until(() -> new SqlDeliveryQueue(a.database().jdbc()).waiting() == 0);
            assertThat(postsPerChannel(onA, onB)).allSatisfy((channel, posts) -> assertThat(posts).as(channel.key()).isEqualTo(1));
        }
    }

    @Test
    void deliveriesANodeDiedWithGoOutOnceFromTheOtherWhenItsClaimsRunOut() throws Exception {
        String url = Postgres.database("failover");
        try (Wiring survivor = node(url)) {
            FakePlatform platform = new FakePlatform(TestBot.PLATFORM);
            survivor.register(platform);
            List<ChannelRef> channels = schedule(survivor, 6);
            Instant slot = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            SqlDeliveryQueue queue = new SqlDeliveryQueue(survivor.database().jdbc());
            channels.forEach(c -> queue.add(c, slot, slot));
            // a node claimed all six for three seconds and stopped without a word, one of them reserved a minute ago but never sent
            List<DeliveryQueue.Delivery> claimed = queue.claim("gone-node", Set.of(TestBot.PLATFORM), Instant.now(), Duration.ofSeconds(3), 10);
            assertThat(claimed).hasSize(6);
            SqlPostStore store = new SqlPostStore(survivor.database().jdbc());
            long reservedId = store.reserve(channels.get(0), survivor.bank().all().get(0).id(), 1, slot, slot.minusSeconds(60), null)
                    .orElseThrow().id();

            survivor.start();

            await().atMost(Duration.ofSeconds(20)).until(() -> postsPerChannel(platform).size() == channels.size());
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.waiting() == 0);
            assertThat(postsPerChannel(platform)).allSatisfy((channel, posts) -> assertThat(posts).as(channel.key()).isEqualTo(1));
            // the reservation went out under its own post id and question
            Map<ChannelRef, Reply.QuestionCard> cards = platform.sent().stream().filter(s -> s.reply() instanceof Reply.QuestionCard)
                    .collect(Collectors.toMap(FakePlatform.Sent::channel, s -> (Reply.QuestionCard) s.reply(), (x, y) -> x));
            assertThat(cards.get(channels.get(0)).postId()).contains(reservedId);
            assertThat(cards.get(channels.get(0)).question().id()).isEqualTo(survivor.bank().all().get(0).id());
        }
    }
}
