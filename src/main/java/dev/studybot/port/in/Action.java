package dev.studybot.port.in;

import dev.studybot.domain.Level;
import dev.studybot.domain.Period;
import dev.studybot.domain.Upload;
import java.util.Objects;
import java.util.Optional;

/** What a command asks for: one record per {@code /study} subcommand, as typed options; {@link CommandCatalog} describes each. */
public sealed interface Action {

    record Help() implements Action {
    }

    record Today() implements Action {
    }

    record ShowQuestion(String id) implements Action {
        public ShowQuestion {
            Objects.requireNonNull(id, "id");
        }
    }

    record RandomQuestion(Optional<String> topic, Optional<Level> level) implements Action {
    }

    record Search(String words) implements Action {
        public Search {
            Objects.requireNonNull(words, "words");
        }
    }

    record Topics() implements Action {
    }

    /**
     * An answer. Without text the platform opens a form. {@code postId} names the post whose
     * Answer button was used; empty means today's question in the channel.
     */
    record Answer(Optional<String> text, Optional<Long> postId) implements Action {
        /** An answer without text asks for the form. */
        public boolean needsForm() {
            return text.isEmpty() || text.get().isBlank();
        }
    }

    /** The model answer of a question: by id, of a post (its Reveal button), or of today's. */
    record Reveal(Optional<String> questionId, Optional<Long> postId) implements Action {
    }

    /**
     * Standings for a window; {@code season} names a past season for {@link Period#SEASON} (else the
     * latest), and {@code chart} asks for the chart with them.
     */
    record Leaderboard(Period period, boolean teams, Optional<String> season, boolean chart) implements Action {
        public Leaderboard {
            season = season.map(String::strip).filter(n -> !n.isEmpty());
            if (season.isPresent()) {
                period = Period.SEASON;
            }
        }

        public Leaderboard(Period period, boolean teams) {
            this(period, teams, Optional.empty(), false);
        }
    }

    /** Stats of the asker, or of the member named by id, mention or display name. */
    record Stats(Optional<String> member) implements Action {
    }

    /** The channel's topic mastery, for an admin. */
    record ChannelMastery() implements Action {
    }

    /** The asker's most overdue review, privately; with a topic, the most overdue in it (or its weakest when none is due). */
    record ReviewNext(Optional<String> topic) implements Action {
    }

    /** An answer to the review the asker was last given. */
    record ReviewAnswer(String text) implements Action {
        public ReviewAnswer {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Reviews (and their reminder) on or off for the asker. */
    record ReviewSwitch(boolean on) implements Action {
    }

    /** The daily review reminder at a local time ({@code HH:MM}, or {@code off}), in a zone (default: the configured one). */
    record ReviewRemind(String time, Optional<String> timezone) implements Action {
        public ReviewRemind {
            Objects.requireNonNull(time, "time");
        }
    }

    record TeamCreate(String name) implements Action {
    }

    record TeamJoin(String name) implements Action {
    }

    record TeamLeave() implements Action {
    }

    record TeamList() implements Action {
    }

    /**
     * {@code when}: a Quartz cron expression or a plain form such as {@code weekdays 09:30};
     * {@code decks}: the decks the questions come from, as typed (none: every deck).
     */
    record ScheduleSet(String when, Optional<String> timezone, Optional<String> topic,
                       Optional<Level> level, java.util.List<String> decks) implements Action {
        public ScheduleSet {
            decks = decks == null ? java.util.List.of() : java.util.List.copyOf(decks);
        }

        public ScheduleSet(String when, Optional<String> timezone, Optional<String> topic, Optional<Level> level) {
            this(when, timezone, topic, level, java.util.List.of());
        }
    }

    record ScheduleShow() implements Action {
    }

    record ScheduleOff() implements Action {
    }

    record PostNow() implements Action {
    }

    record SeasonStart(String name) implements Action {
    }

    record SeasonEnd() implements Action {
    }

    /** The workspace's seasons with their dates and winners. */
    record SeasonList() implements Action {
    }

    /** The channel's past questions, newest first: {@code count} of them as typed (default 10, at most 25). */
    record History(Optional<String> count) implements Action {
    }

    /** Opens the question form for a new own question in a deck (default: the team's deck), for an admin. */
    record QuestionAdd(Optional<String> deck) implements Action {
    }

    /** Opens the question form filled in with one of the workspace's own questions, for an admin. */
    record QuestionEdit(String id) implements Action {
        public QuestionEdit {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A filled-in question form, sent back: stored if it passes the bank's checks, else returned with its problems. */
    record QuestionSubmit(dev.studybot.domain.QuestionDraft draft) implements Action {
        public QuestionSubmit {
            Objects.requireNonNull(draft, "draft");
        }
    }

    /** Removes one of the workspace's own questions; history and points keep its id. */
    record QuestionRemove(String id) implements Action {
        public QuestionRemove {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The workspace's decks with their question counts. */
    record DeckList() implements Action {
    }

    /** A deck as a bank YAML file, for an admin. */
    record BankExport(String deck) implements Action {
        public BankExport {
            Objects.requireNonNull(deck, "deck");
        }
    }

    /** Reads the question files again, for an admin. */
    record BankReload() implements Action {
    }

    /**
     * A question list to import into a deck (default {@code imported}), checked and reported
     * before anything is stored; without a file the core says how to attach one.
     */
    record BankImport(Optional<String> deck, Optional<Upload> file) implements Action {
        public BankImport {
            Objects.requireNonNull(deck, "deck");
            Objects.requireNonNull(file, "file");
        }

        public BankImport withFile(Upload upload) {
            return new BankImport(deck, Optional.of(upload));
        }
    }

    /** Stores the asker's pending import, into the deck it named or {@code deck}. */
    record BankImportConfirm(Optional<String> deck) implements Action {
    }

    /**
     * A question a member suggests; without its text the platform opens the form. {@code claims}:
     * one claim a line, its phrasings separated by commas.
     */
    record Suggest(Optional<String> question, Optional<String> answer, Optional<String> claims, Optional<String> topic,
                   Optional<String> level) implements Action {
        public boolean needsForm() {
            return question.isEmpty() || question.get().isBlank();
        }
    }

    /** The workspace's waiting suggestions, for an admin. */
    record SuggestionList() implements Action {
    }

    /**
     * Turns suggestion {@code number} into an own question of {@code deck} (default {@code suggested});
     * {@code answer} and {@code claims}, when given, replace the member's (an admin completing it).
     */
    record SuggestionApprove(String number, Optional<String> deck, Optional<String> answer, Optional<String> claims) implements Action {
        public SuggestionApprove {
            Objects.requireNonNull(number, "number");
        }

        public SuggestionApprove(String number, Optional<String> deck) {
            this(number, deck, Optional.empty(), Optional.empty());
        }
    }

    /** Declines suggestion {@code number}; the member is told the reason. */
    record SuggestionDecline(String number, String reason) implements Action {
        public SuggestionDecline {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
