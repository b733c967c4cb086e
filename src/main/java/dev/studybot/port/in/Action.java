package dev.studybot.port.in;

import dev.studybot.domain.Level;
import dev.studybot.domain.Period;
import java.util.Objects;
import java.util.Optional;

/** What a command asks for: one record per {@code /study} subcommand, as typed options. */
public sealed interface Action {

    /** Hands this action to the handler's method for its type. */
    <T> T accept(Handler<T> handler);

    /** One method per action type, so a new subcommand fails the core's build until it is handled. */
    interface Handler<T> {
        T help(Help action);

        T today(Today action);

        T showQuestion(ShowQuestion action);

        T randomQuestion(RandomQuestion action);

        T search(Search action);

        T topics(Topics action);

        T answer(Answer action);

        T reveal(Reveal action);

        T leaderboard(Leaderboard action);

        T stats(Stats action);

        T teamCreate(TeamCreate action);

        T teamJoin(TeamJoin action);

        T teamLeave(TeamLeave action);

        T teamList(TeamList action);

        T scheduleSet(ScheduleSet action);

        T scheduleShow(ScheduleShow action);

        T scheduleOff(ScheduleOff action);

        T postNow(PostNow action);

        T seasonStart(SeasonStart action);

        T seasonEnd(SeasonEnd action);
    }

    /** Whether only an admin may run it. */
    default boolean adminOnly() {
        return false;
    }

    record Help() implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.help(this);
        }

    }

    record Today() implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.today(this);
        }

    }

    record ShowQuestion(String id) implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.showQuestion(this);
        }

        public ShowQuestion {
            Objects.requireNonNull(id, "id");
        }
    }

    record RandomQuestion(Optional<String> topic, Optional<Level> level) implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.randomQuestion(this);
        }

    }

    record Search(String words) implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.search(this);
        }

        public Search {
            Objects.requireNonNull(words, "words");
        }
    }

    record Topics() implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.topics(this);
        }

    }

    /**
     * An answer. Without text the platform opens a form. {@code postId} names the post whose
     * Answer button was used; empty means today's question in the channel.
     */
    record Answer(Optional<String> text, Optional<Long> postId) implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.answer(this);
        }

    }

    /** The model answer of a question: by id, of a post (its Reveal button), or of today's. */
    record Reveal(Optional<String> questionId, Optional<Long> postId) implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.reveal(this);
        }

    }

    record Leaderboard(Period period, boolean teams) implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.leaderboard(this);
        }

    }

    /** Stats of the asker, or of the member named by id, mention or display name. */
    record Stats(Optional<String> member) implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.stats(this);
        }

    }

    record TeamCreate(String name) implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.teamCreate(this);
        }

    }

    record TeamJoin(String name) implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.teamJoin(this);
        }

    }

    record TeamLeave() implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.teamLeave(this);
        }

    }

    record TeamList() implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.teamList(this);
        }

    }

    /** {@code when}: a Quartz cron expression or a plain form such as {@code weekdays 09:30}. */
    record ScheduleSet(String when, Optional<String> timezone, Optional<String> topic,
                       Optional<Level> level) implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.scheduleSet(this);
        }

        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    record ScheduleShow() implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.scheduleShow(this);
        }

    }

    record ScheduleOff() implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.scheduleOff(this);
        }

        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    record PostNow() implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.postNow(this);
        }

        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    record SeasonStart(String name) implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.seasonStart(this);
        }

        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    record SeasonEnd() implements Action {
        @Override
        public <T> T accept(Handler<T> handler) {
            return handler.seasonEnd(this);
        }

        @Override
        public boolean adminOnly() {
            return true;
        }
    }
}
