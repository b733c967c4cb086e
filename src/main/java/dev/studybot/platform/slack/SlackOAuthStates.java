package dev.studybot.platform.slack;

import com.slack.api.bolt.service.OAuthStateService;
import dev.studybot.port.out.OAuthStateStore;
import java.time.Clock;

/**
 * Bolt's OAuth states on studybot's store: the install page issues one (Bolt also sets it in a
 * cookie of the browser), and the redirect is taken only when the state in its query matches the
 * cookie and is in the store, unexpired and unused; using it deletes it. Any node can check it.
 */
final class SlackOAuthStates implements OAuthStateService {
    private final OAuthStateStore store;
    private final Clock clock;

    SlackOAuthStates(OAuthStateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        java.time.Instant now = clock.instant();
        store.issue(state, now, now.plusSeconds(getExpirationInSeconds()));
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return store.valid(state, clock.instant());
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        store.consume(state);
    }
}
