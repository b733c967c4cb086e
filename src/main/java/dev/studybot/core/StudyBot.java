package dev.studybot.core;

import dev.studybot.core.model.Actor;
import dev.studybot.core.reply.Reply;
import dev.studybot.port.Action;
import dev.studybot.port.Command;
import dev.studybot.port.CommandHandler;
import dev.studybot.port.MemberStore;
import dev.studybot.port.Response;
import dev.studybot.port.StoreException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/** The core's front door: checks rights, routes each action to its service, turns failures into replies. */
public final class StudyBot implements CommandHandler {
    private static final Logger LOG = System.getLogger(StudyBot.class.getName());

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
        Action action = command.action();
        if (action instanceof Action.Help) {
            return Response.toAsker(help());
        } else if (action instanceof Action.Today) {
            return lookups.today(command);
        } else if (action instanceof Action.ShowQuestion a) {
            return lookups.byId(a.id());
        } else if (action instanceof Action.RandomQuestion a) {
            return lookups.random(a.topic(), a.level());
        } else if (action instanceof Action.Search a) {
            return lookups.search(a.words());
        } else if (action instanceof Action.Topics) {
            return lookups.topics();
        } else if (action instanceof Action.Answer a) {
            return answers.answer(command, a.text(), a.postId());
        } else if (action instanceof Action.Reveal a) {
            return answers.reveal(command, a.questionId(), a.postId());
        } else if (action instanceof Action.Leaderboard a) {
            return leaderboards.standings(command, a.period(), a.teams());
        } else if (action instanceof Action.Stats a) {
            return leaderboards.stats(command, a.member());
        } else if (action instanceof Action.TeamCreate a) {
            return teams.create(command, a.name());
        } else if (action instanceof Action.TeamJoin a) {
            return teams.join(command, a.name());
        } else if (action instanceof Action.TeamLeave) {
            return teams.leave(command);
        } else if (action instanceof Action.TeamList) {
            return teams.list(command);
        } else if (action instanceof Action.ScheduleSet a) {
            return schedules.set(command, a.when(), a.timezone(), a.topic(), a.level());
        } else if (action instanceof Action.ScheduleShow) {
            return schedules.show(command);
        } else if (action instanceof Action.ScheduleOff) {
            return schedules.off(command);
        } else if (action instanceof Action.PostNow) {
            return postNow(command);
        } else if (action instanceof Action.SeasonStart a) {
            return seasons.start(command, a.name());
        } else if (action instanceof Action.SeasonEnd) {
            return seasons.end(command);
        }
        throw new IllegalStateException("unhandled action " + action);
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
