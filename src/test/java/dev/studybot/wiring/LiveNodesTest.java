package dev.studybot.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The live-node count the platforms' paces read on every request. */
class LiveNodesTest {
    @Test
    void theDatabaseIsAskedOncePerWindowHoweverOftenThePacesAsk() {
        AtomicInteger asked = new AtomicInteger();
        LiveNodes live = new LiveNodes(() -> {
            asked.incrementAndGet();
            return 3;
        }, Duration.ofHours(1));
        for (int i = 0; i < 1_000; i++) {
            assertThat(live.getAsInt()).isEqualTo(3);
        }
        assertThat(asked).hasValue(1);
    }

    @Test
    void theLastCountStaysWhileTheDatabaseIsAwayAndNoCountIsBelowOne() {
        AtomicInteger nodes = new AtomicInteger(3);
        LiveNodes live = new LiveNodes(() -> {
            if (nodes.get() < 0) {
                throw new IllegalStateException("database gone");
            }
            return nodes.get();
        }, Duration.ZERO);
        assertThat(live.getAsInt()).isEqualTo(3);
        nodes.set(-1);
        assertThat(live.getAsInt()).as("the database is away").isEqualTo(3);
        nodes.set(0);
        assertThat(live.getAsInt()).as("this node is alive, whatever the heartbeats say").isEqualTo(1);
        nodes.set(2);
        assertThat(live.getAsInt()).isEqualTo(2);
    }
}
