package dev.studybot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Level;
import dev.studybot.domain.Suggestion;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.PendingImportStore;
import dev.studybot.support.Postgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The suggestion queue and pending imports on both databases: numbered per workspace, decided and taken once, never across workspaces. */
class ContributionStoresTest {
    private static final WorkspaceRef WS = new WorkspaceRef("slack", "T1");
    private static final WorkspaceRef OTHER = new WorkspaceRef("discord", "G9");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    static Path dir;

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("sqlite"), Arguments.of("postgres"));
    }

    private static Database open(String kind) {
        return kind.equals("sqlite") ? Database.sqlite(dir.resolve("stores-" + System.nanoTime() + ".db"), 1000)
                : Database.postgres(Postgres.database("stores"), Postgres.USER, Postgres.PASSWORD);
    }

    private static Suggestion suggestion(String user, String question) {
        return new Suggestion(0, user, user + " name", question, "An answer.", List.of(List.of("an answer", "answers"), List.of("one")),
                "Topic", Level.BASIC, T0);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void suggestionsAreNumberedPerWorkspaceAndDecidedOnce(String kind) {
        try (Database db = open(kind)) {
            SqlSuggestionStore store = new SqlSuggestionStore(db.jdbc());
            assertThat(store.add(WS, suggestion("U1", "First?")).number()).isEqualTo(1);
            assertThat(store.add(WS, suggestion("U2", "Second?")).number()).isEqualTo(2);
            assertThat(store.add(OTHER, suggestion("U1", "Theirs?")).number()).as("numbers count per workspace").isEqualTo(1);

            Suggestion read = store.get(WS, 1).orElseThrow();
            assertThat(read.claims()).containsExactly(List.of("an answer", "answers"), List.of("one"));
            assertThat(read.userName()).isEqualTo("U1 name");
            assertThat(read.at()).isEqualTo(T0);
            assertThat(store.open(WS)).extracting(Suggestion::question).containsExactly("First?", "Second?");

            assertThat(store.decide(OTHER, 2, false, "no", "A9", T0)).as("another workspace has no #2").isFalse();
            assertThat(store.decide(WS, 1, true, "sg-first", "A1", T0)).isTrue();
            assertThat(store.decide(WS, 1, false, "late", "A2", T0)).as("decided once").isFalse();
            assertThat(store.get(WS, 1)).isEmpty();
            assertThat(store.open(WS)).extracting(Suggestion::number).containsExactly(2L);
            assertThat(store.open(OTHER)).extracting(Suggestion::question).containsExactly("Theirs?");

            store.reopen(WS, 1);
            assertThat(store.open(WS)).extracting(Suggestion::number).containsExactly(1L, 2L);
            assertThat(store.add(WS, suggestion("U3", "Third?")).number()).as("a number is never given twice").isEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void suggestionsSentAtTheSameMomentEachGetTheirOwnNumber(String kind) throws Exception {
        try (Database db = open(kind)) {
            SqlSuggestionStore store = new SqlSuggestionStore(db.jdbc());
            int members = 8;
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(members);
            try {
                List<java.util.concurrent.Future<List<Long>>> sent = new java.util.ArrayList<>();
                for (int m = 0; m < members; m++) {
                    String user = "U" + m;
                    sent.add(pool.submit(() -> {
                        go.await();
                        List<Long> numbers = new java.util.ArrayList<>();
                        for (int i = 0; i < 5; i++) {
                            numbers.add(store.add(WS, suggestion(user, user + " asks " + i + "?")).number());
                        }
                        return numbers;
                    }));
                }
                go.countDown();
                List<Long> all = new java.util.ArrayList<>();
                for (var f : sent) {
                    all.addAll(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
                }
                assertThat(all).doesNotHaveDuplicates().hasSize(members * 5);
                assertThat(store.open(WS)).extracting(Suggestion::number).containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, members * 5L).boxed().toList());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPendingImportIsTheAdminsOwnTakenOnceAndNotAfterItExpires(String kind) {
        try (Database db = open(kind)) {
            SqlPendingImportStore store = new SqlPendingImportStore(db.jdbc());
            Instant expires = T0.plusSeconds(3600);
            store.put(WS, new PendingImportStore.PendingImport("A1", "a.md", "imported", "yaml one", 3, expires));
            store.put(WS, new PendingImportStore.PendingImport("A1", "b.md", "team", "yaml two", 2, expires.plusSeconds(60)));
            store.put(WS, new PendingImportStore.PendingImport("A2", "c.md", "imported", "yaml three", 1, expires));

            assertThat(store.take(OTHER, "A1", T0)).as("another workspace").isEmpty();
            PendingImportStore.PendingImport taken = store.take(WS, "A1", T0).orElseThrow();
            assertThat(taken.file()).as("the later one replaced the earlier").isEqualTo("b.md");
            assertThat(taken.deck()).isEqualTo("team");
            assertThat(taken.yaml()).isEqualTo("yaml two");
            assertThat(taken.questions()).isEqualTo(2);
            assertThat(store.take(WS, "A1", T0)).as("taken once").isEmpty();

            assertThat(store.take(WS, "A2", expires.plusSeconds(1))).as("expired").isEmpty();
            assertThat(store.take(WS, "A2", T0)).as("an expired one is gone, not kept for later").isEmpty();
        }
    }
}
