package dev.studybot.store;

import dev.studybot.port.out.OAuthStateStore;
import java.time.Instant;

/** OAuth states in {@code slack_oauth_states}: the row is the state, deleting it uses it up. */
public final class SqlOAuthStateStore implements OAuthStateStore {
    private final Jdbc jdbc;

    public SqlOAuthStateStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void issue(String state, Instant now, Instant expiresAt) {
        jdbc.update("DELETE FROM slack_oauth_states WHERE expires_at <= ?", now.toEpochMilli());
        jdbc.update("INSERT INTO slack_oauth_states (state, expires_at) VALUES (?, ?)", state, expiresAt.toEpochMilli());
    }

    @Override
    public boolean valid(String state, Instant now) {
        return jdbc.one("SELECT 1 FROM slack_oauth_states WHERE state = ? AND expires_at > ?", rs -> true, state, now.toEpochMilli())
                .isPresent();
    }

    @Override
    public boolean consume(String state) {
        return jdbc.update("DELETE FROM slack_oauth_states WHERE state = ?", state) == 1;
    }
}
