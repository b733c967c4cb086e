package dev.studybot.app;

import dev.studybot.domain.Actor;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.out.MemberStore;
import dev.studybot.port.in.Response;
import dev.studybot.port.out.StoreException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/** The core's front door: checks rights, routes each action to its service, turns failures into replies. */
public final class StudyBot implements CommandHandler {
    private static final Logger LOG = System.getLogger(StudyBot.class.getName());
    /** What an adapter says when the core failed unexpectedly, before or after changing anything. */
    public static final Reply.Error UNEXPECTED_FAILURE = new Reply.Error("Something went wrong on studybot's side. Please try again.");

    private final Settings settings;
    private final MemberStore members;
    private final Lookups lookups;
    private final Answers answers;
    private final Leaderboards leaderboards;
    private final Teams teams;
    private final Schedules schedules;
    private final Seasons seasons;
    private final DailyPosts dailyPosts;

    public StudyBot(Settings settings, MemberStore members, Lookups lookups, Answers answers, Leaderboards leaderboards,
                    Teams teams, Schedules schedules, Seasons seasons, DailyPosts dailyPosts) {
        this.settings = settings;
        this.members = members;
        this.lookups = lookups;
        this.answers = answers;
        this.leaderboards = leaderboards;
        this.teams = teams;
        this.schedules = schedules;
        this.seasons = seasons;
        this.dailyPosts = dailyPosts;
    }

    @Override
    public Response handle(Command command) {
        try {
            if (command.action().adminOnly() && !isAdmin(command.actor())) {
                return Response.toAsker(new Reply.Error("Only admins can do that"
                        + (settings.adminRoles().isEmpty() ? "." : " (and members of " + String.join(" or ", settings.adminRoles()) + ").")
                        + " Nothing was changed."));
            }
            members.remember(command.channel().workspaceRef(), command.actor().userId(), command.actor().displayName());
            return route(command);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Store failure on " + command.action().getClass().getSimpleName(), e);
            return Response.toAsker(new Reply.Error(e.busy()
                    ? "The database is busy right now; nothing was changed. Please try again in a moment."
                    : "Something went wrong on our side; nothing was changed. Please try again."));
        }
    }

    public boolean isAdmin(Actor actor) {
        return actor.platformAdmin() || actor.roles().stream().anyMatch(r -> settings.adminRoles().stream().anyMatch(r::equalsIgnoreCase));
    }

    private Response route(Command command) {
        return command.action().accept(new Router(command));
    }

    /** Each action to its service, with the command it came in. */
    private final class Router implements Action.Handler<Response> {
        private final Command c;

        Router(Command command) {
            this.c = command;
        }

        @Override
        public Response help(Action.Help a) {
            return Response.toAsker(StudyBot.help());
        }

        @Override
        public Response today(Action.Today a) {
            return lookups.today(c);
        }

        @Override
        public Response showQuestion(Action.ShowQuestion a) {
            return lookups.byId(a.id());
        }

        @Override
        public Response randomQuestion(Action.RandomQuestion a) {
            return lookups.random(a.topic(), a.level());
        }

        @Override
        public Response search(Action.Search a) {
            return lookups.search(a.words());
        }

        @Override
        public Response topics(Action.Topics a) {
            return lookups.topics();
        }

        @Override
        public Response answer(Action.Answer a) {
            return answers.answer(c, a.text(), a.postId());
        }

        @Override
        public Response reveal(Action.Reveal a) {
            return answers.reveal(c, a.questionId(), a.postId());
        }

        @Override
        public Response leaderboard(Action.Leaderboard a) {
            return leaderboards.standings(c, a.period(), a.teams());
        }

        @Override
        public Response stats(Action.Stats a) {
            return leaderboards.stats(c, a.member());
        }

        @Override
        public Response teamCreate(Action.TeamCreate a) {
            return teams.create(c, a.name());
        }

        @Override
        public Response teamJoin(Action.TeamJoin a) {
            return teams.join(c, a.name());
        }

        @Override
        public Response teamLeave(Action.TeamLeave a) {
            return teams.leave(c);
        }

        @Override
        public Response teamList(Action.TeamList a) {
            return teams.list(c);
        }

        @Override
        public Response scheduleSet(Action.ScheduleSet a) {
            return schedules.set(c, a.when(), a.timezone(), a.topic(), a.level());
        }

        @Override
        public Response scheduleShow(Action.ScheduleShow a) {
            return schedules.show(c);
        }

        @Override
        public Response scheduleOff(Action.ScheduleOff a) {
            return schedules.off(c);
        }

        @Override
        public Response postNow(Action.PostNow a) {
            return StudyBot.this.postNow(c);
        }

        @Override
        public Response seasonStart(Action.SeasonStart a) {
            return seasons.start(c, a.name());
        }

        @Override
        public Response seasonEnd(Action.SeasonEnd a) {
            return seasons.end(c);
        }
    }

    private Response postNow(Command command) {
        DailyPosts.Outcome outcome = dailyPosts.postNow(command.channel());
        return Response.toAsker(switch (outcome) {
            case POSTED -> new Reply.Notice("Posted the next question.");
            case NO_QUESTION -> new Reply.Error("No question matches this channel's topic and level filters.");
            case PAUSED -> new Reply.Error("The platform refused the post (see /study schedule show); the schedule is paused until it is set again.");
            case RETRY_LATER, NO_PLATFORM -> new Reply.Error("The post could not be sent right now; nothing was recorded. Try again shortly.");
            case ALREADY_POSTED, TOO_LATE, NOT_SCHEDULED -> new Reply.Notice("A question was just posted here.");
        });
    }

    static Reply.Help help() {
        return new Reply.Help(List.of(
                line("/study today", "today's question in this channel again", false),
                line("/study answer [text]", "answer today's question (no text: a form opens)", false),
                line("/study reveal [id]", "the model answer, just for you (before answering, it forfeits today's points)", false),
                line("/study question <id>", "one question by id", false),
                line("/study random [topic] [level]", "a random question to practise", false),
                line("/study search <words>", "questions and answers matching your words", false),
                line("/study topics", "the topics, with question counts", false),
                line("/study leaderboard [week|month|season|all] [teams]", "standings", false),
                line("/study stats [member]", "points, answers, streak and coverage per topic", false),
                line("/study team create|join|leave|list [name]", "teams for competitions", false),
                line("/study schedule set <when> [timezone]", "the daily post: 'weekdays 09:30 Europe/Berlin' or a cron", true),
                line("/study schedule show", "this channel's daily post", false),
                line("/study schedule off", "stop the daily post", true),
                line("/study post", "post the next question now", true),
                line("/study season start <name> | end", "a named competition window", true)));
    }

    private static Reply.Help.HelpLine line(String usage, String description, boolean admin) {
        return new Reply.Help.HelpLine(usage, description, admin);
    }
}
