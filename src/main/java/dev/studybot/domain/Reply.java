package dev.studybot.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the bot says, as data. Each platform has one {@link Renderer} that handles every type,
 * so a new reply type fails every renderer's build until it is handled. Text fields hold what users
 * or the bank wrote; renderers escape it for their platform.
 */
public sealed interface Reply {

    /** Renders this reply with the given renderer. */
    <T> T accept(Renderer<T> renderer);

    /**
     * One method per reply type: a platform's renderer implements them all, so a new reply type
     * fails every renderer's build until it is handled.
     */
    interface Renderer<T> {
        T help(Help reply);

        T questionCard(QuestionCard reply);

        T modelAnswer(ModelAnswer reply);

        T answerForm(AnswerForm reply);

        T graded(Graded reply);

        T results(Results reply);

        T searchResults(SearchResults reply);

        T topics(Topics reply);

        T leaderboard(Leaderboard reply);

        T stats(Stats reply);

        T teams(Teams reply);

        T scheduleInfo(ScheduleInfo reply);

        T notice(Notice reply);

        T error(Error reply);
    }

    /** The commands, briefly. */
    record Help(List<HelpLine> lines) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.help(this);
        }

        public record HelpLine(String usage, String description, boolean adminOnly) {
        }
    }

    /**
     * A question with its answer hidden. A card with a {@code postId} belongs to a channel post and
     * gets the Answer and Reveal buttons; {@code daily} marks the scheduled post itself.
     */
    record QuestionCard(Question question, Optional<Long> postId, boolean daily) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.questionCard(this);
        }

    }

    /** The model answer, for the asker only. {@code forfeited}: revealed before answering today's question. */
    record ModelAnswer(Question question, boolean forfeited) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.modelAnswer(this);
        }

    }

    /** Asks the member for an answer (a modal on Discord and Slack). */
    record AnswerForm(long postId, Question question, int maxLength) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.answerForm(this);
        }

    }

    /** A graded answer: which key points it covered and which it missed. */
    record Graded(Question question, List<String> covered, List<String> missed, int points,
                  int streak, boolean practice, Optional<String> practiceReason) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.graded(this);
        }

    }

    /** Posted in a post's thread at close: the model answer and who scored what. */
    record Results(Question question, List<ResultLine> lines) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.results(this);
        }

        public record ResultLine(String member, int covered, int keyPoints, int points, boolean revealedFirst) {
        }
    }

    record SearchResults(String words, List<SearchHit> hits) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.searchResults(this);
        }

    }

    record Topics(List<TopicCount> topics) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.topics(this);
        }

    }

    /** Standings; {@code season} names the season for {@link Period#SEASON}. */
    record Leaderboard(Period period, boolean teams, Optional<String> season, List<Standing> standings) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.leaderboard(this);
        }

    }

    record Stats(String member, long points, long answers, int streak, Optional<String> team,
                 List<TopicLine> topics) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.stats(this);
        }

        public record TopicLine(String topic, long answers, int coveragePercent) {
        }
    }

    record Teams(List<TeamLine> teams) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.teams(this);
        }

        public record TeamLine(String name, int members) {
        }
    }

    /** A channel's schedule, or none when {@code schedule} is empty. */
    record ScheduleInfo(Optional<Schedule> schedule, Optional<Instant> nextPost) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.scheduleInfo(this);
        }

    }

    /** A confirmation or a notice, in plain words. */
    record Notice(String text) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.notice(this);
        }

    }

    /** A request that could not be done, and why; nothing was changed. */
    record Error(String text) implements Reply {
        @Override
        public <T> T accept(Renderer<T> renderer) {
            return renderer.error(this);
        }

    }
}
