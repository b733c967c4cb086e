package dev.studybot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.port.out.InstallationStore.Installation;
import dev.studybot.support.Postgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Slack installations and OAuth states, on SQLite and on PostgreSQL. */
class InstallationStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    static Path dir;

    static Stream<String> databases() {
        return Stream.of("sqlite", "postgresql");
    }

    private static Database open(String dialect) {
        if (dialect.equals("sqlite")) {
            return Database.sqlite(dir.resolve("installs-" + System.nanoTime() + ".db"), 1000);
        }
        return Database.postgres(Postgres.database("installs"), Postgres.USER, Postgres.PASSWORD);
    }

    private static Installation install(Optional<String> enterprise, Optional<String> team, String token, Instant at) {
        return new Installation(Optional.of("A1"), enterprise, Optional.empty(), team, team.isEmpty(), Optional.of("U0INSTALLER"),
                Optional.of("B1"), Optional.of("U0BOT"), "commands,chat:write", token, Optional.of("xoxe-refresh"),
                Optional.of(at.plusSeconds(43_200)), at);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theLatestInstallWithATokenIsInUseAndUninstallingKeepsTheRowsWithoutTokens(String dialect) {
        try (Database db = open(dialect)) {
            SqlInstallationStore store = new SqlInstallationStore(db.jdbc());
            store.save(install(Optional.empty(), Optional.of("T1"), "xoxb-first", T0));
            store.save(install(Optional.empty(), Optional.of("T1"), "xoxb-second", T0.plusSeconds(60)));
            store.save(install(Optional.empty(), Optional.of("T2"), "xoxb-other", T0));

            assertThat(store.find(Optional.empty(), Optional.of("T1")).map(Installation::botToken)).contains("xoxb-second");
            assertThat(store.find(Optional.empty(), Optional.of("T1")).orElseThrow().expiresAt()).contains(T0.plusSeconds(60 + 43_200));
            assertThat(store.installed()).extracting(Installation::botToken).containsExactly("xoxb-second", "xoxb-other");

            assertThat(store.rotate(Optional.empty(), Optional.of("T1"), "xoxb-rotated", Optional.of("xoxe-next"),
                    Optional.of(T0.plusSeconds(90_000)))).isTrue();
            Installation rotated = store.find(Optional.empty(), Optional.of("T1")).orElseThrow();
            assertThat(List.of(rotated.botToken(), rotated.refreshToken().orElseThrow())).containsExactly("xoxb-rotated", "xoxe-next");

            assertThat(store.removeTokens(Optional.empty(), Optional.of("T1"))).isEqualTo(2);
            assertThat(store.find(Optional.empty(), Optional.of("T1"))).isEmpty();
            assertThat(store.rotate(Optional.empty(), Optional.of("T1"), "xoxb-x", Optional.empty(), Optional.empty())).isFalse();
            assertThat(store.find(Optional.empty(), Optional.of("T2"))).isPresent();
            assertThat(db.jdbc().one("SELECT COUNT(*) FROM slack_installations WHERE team_id = 'T1'", rs -> rs.getInt(1))).contains(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aWorkspaceOfAnOrganisationFindsItsOwnInstallElseTheOrganisationWideOne(String dialect) {
        try (Database db = open(dialect)) {
            SqlInstallationStore store = new SqlInstallationStore(db.jdbc());
            store.save(install(Optional.of("E1"), Optional.empty(), "xoxb-org", T0));
            store.save(install(Optional.of("E1"), Optional.of("T7"), "xoxb-t7", T0));

            assertThat(store.find(Optional.of("E1"), Optional.of("T7")).map(Installation::botToken)).contains("xoxb-t7");
            assertThat(store.find(Optional.of("E1"), Optional.of("T8")).map(Installation::botToken)).contains("xoxb-org");
            assertThat(store.find(Optional.of("E1"), Optional.empty()).orElseThrow().enterpriseInstall()).isTrue();
            assertThat(store.find(Optional.of("E2"), Optional.of("T7"))).isEmpty();
            assertThat(store.find(Optional.empty(), Optional.of("T7"))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStateIsGoodOnceAndUntilItExpires(String dialect) {
        try (Database db = open(dialect)) {
            SqlOAuthStateStore states = new SqlOAuthStateStore(db.jdbc());
            states.issue("s1", T0, T0.plusSeconds(600));
            states.issue("s2", T0, T0.plusSeconds(600));
            assertThat(states.valid("s1", T0)).isTrue();
            assertThat(states.valid("s1", T0.plusSeconds(601))).isFalse();
            assertThat(states.valid("forged", T0)).isFalse();
            assertThat(states.consume("s1")).isTrue();
            assertThat(states.valid("s1", T0)).isFalse();
            assertThat(states.consume("s1")).isFalse();
            assertThat(states.valid("s2", T0)).isTrue();
            // issuing after s2 ran out forgets it
            states.issue("s3", T0.plusSeconds(700), T0.plusSeconds(1300));
            assertThat(db.jdbc().one("SELECT COUNT(*) FROM slack_oauth_states", rs -> rs.getInt(1))).contains(1);
        }
    }
}
