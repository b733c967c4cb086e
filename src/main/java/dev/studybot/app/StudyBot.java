package dev.studybot.app;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Acknowledgement;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.CommandCatalog;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.in.DailyPostUseCase;
import dev.studybot.port.in.Response;
import dev.studybot.port.in.Visibility;
import dev.studybot.port.out.BankReloader;
import dev.studybot.port.out.MemberStore;
import dev.studybot.port.out.StoreException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The core's front door: decides how each command is acknowledged and who sees its reply, checks
 * rights, routes each action to its service, and turns every failure into a reply.
 */
public final class StudyBot implements CommandHandler {
    private static final Logger LOG = System.getLogger(StudyBot.class.getName());
    private final CommandParser parser = new CommandParser();
    private final Settings settings;
    private final MemberStore members;
    private final Lookups lookups;
    private final Answers answers;
    private final Leaderboards leaderboards;
    private final Teams teams;
    private final Schedules schedules;
    private final Seasons seasons;
    private final DailyPosts dailyPosts;
    private final Reviews reviews;
    private final Mastery mastery;
    private final History history;
    private final BankReloader bank;
    private final ChatImport imports;
    private final SuggestionQueue suggestions;
    private final OwnQuestions ownQuestions;

    public StudyBot(Settings settings, MemberStore members, Lookups lookups, Answers answers, Leaderboards leaderboards,
                    Teams teams, Schedules schedules, Seasons seasons, DailyPosts dailyPosts, Reviews reviews, Mastery mastery,
                    History history, BankReloader bank, ChatImport imports, SuggestionQueue suggestions,
                    OwnQuestions ownQuestions) {
        this.settings = settings;
        this.members = members;
        this.lookups = lookups;
        this.answers = answers;
        this.leaderboards = leaderboards;
        this.teams = teams;
        this.schedules = schedules;
        this.seasons = seasons;
        this.dailyPosts = dailyPosts;
        this.reviews = reviews;
        this.mastery = mastery;
        this.history = history;
        this.bank = bank;
        this.imports = imports;
        this.suggestions = suggestions;
        this.ownQuestions = ownQuestions;
    }

    @Override
    public Acknowledgement acknowledgement(Command command) {
        if (command.action() instanceof Action.Answer a && a.needsForm()) {
            return Acknowledgement.FORM;
        }
        if (command.action() instanceof Action.Suggest s && s.needsForm()) {
            return Acknowledgement.FORM;
        }
        if (refusal(command).isPresent()) {
            return Acknowledgement.ASKER;
        }
        if (command.action() instanceof Action.QuestionAdd || command.action() instanceof Action.QuestionEdit) {
            return Acknowledgement.FORM;
        }
        return CommandCatalog.of(command.action()).visibility() == Visibility.CHANNEL ? Acknowledgement.CHANNEL : Acknowledgement.ASKER;
    }

    @Override
    public Response handle(Command command) {
        Optional<Reply.Error> refusal = refusal(command);
        if (refusal.isPresent()) {
            return Response.toAsker(refusal.get());
        }
        return new Response(reply(command), CommandCatalog.of(command.action()).visibility());
    }

    /**
     * A refusal the core can give from the command alone, before any store is asked: an admin
     * command from a member, a name or schedule that cannot be. It goes to the asker only; a
     * refusal that needs the store (a taken team name) is said where the command's reply goes.
     */
    private Optional<Reply.Error> refusal(Command command) {
        if (CommandCatalog.of(command.action()).adminOnly() && !isAdmin(command.actor())) {
            return Optional.of(new Reply.Error("Only admins can do that"
                    + (settings.adminRoles().isEmpty() ? "." : " (and members of " + String.join(" or ", settings.adminRoles()) + ").")
                    + " Nothing was changed."));
        }
        try {
            return switch (command.action()) {
                case Action.TeamCreate a -> Optional.ofNullable(Texts.nameProblem("Team", a.name())).map(Reply.Error::new);
                case Action.SeasonStart a -> Optional.ofNullable(Texts.nameProblem("Season", a.name())).map(Reply.Error::new);
                case Action.ScheduleSet a -> schedules.problem(command.channel().workspaceRef(), a.when(), a.timezone(), a.topic(), a.decks());
                case Action.History a -> History.problem(a.count());
                case Action.BankImport a -> ChatImport.problem(a.deck(), a.file());
                case Action.QuestionAdd a -> OwnQuestions.deckRefusal(a.deck());
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            // even checking a command must end in one reply
            LOG.log(Level.ERROR, "Unexpected failure checking " + describe(command), e);
            return Optional.of(Reply.Error.unexpected());
        }
    }

    @Override
    public Response handleText(ChannelRef channel, Actor actor, String text) {
        Command command;
        try {
            command = new Command(channel, actor, parser.parse(text));
        } catch (CommandSyntaxException e) {
            return Response.toAsker(new Reply.Error(e.getMessage()));
        }
        return handle(command);
    }

    private Reply reply(Command command) {
        try {
            members.remember(command.channel().workspaceRef(), command.actor().userId(), command.actor().displayName());
            return route(command);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Store failure on " + describe(command), e);
            return new Reply.Error(e.busy()
                    ? "The database is busy right now; nothing was changed. Please try again in a moment."
                    : "Something went wrong on our side; nothing was changed. Please try again.");
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Unexpected failure on " + describe(command), e);
            return Reply.Error.unexpected();
        }
    }

    public boolean isAdmin(Actor actor) {
        return actor.platformAdmin() || actor.roles().stream().anyMatch(r -> settings.adminRoles().stream().anyMatch(r::equalsIgnoreCase));
    }

    private Reply route(Command c) {
        return switch (c.action()) {
            case Action.Help a -> help();
            case Action.Today a -> answers.today(c);
            case Action.ShowQuestion a -> lookups.byId(c.channel().workspaceRef(), a.id());
            case Action.RandomQuestion a -> lookups.random(c.channel().workspaceRef(), a.topic(), a.level());
            case Action.Search a -> lookups.search(c.channel().workspaceRef(), a.words());
            case Action.Topics a -> lookups.topics(c.channel().workspaceRef());
            case Action.Answer a -> answers.answer(c, a);
            case Action.Reveal a -> answers.reveal(c, a.questionId(), a.postId());
            case Action.Leaderboard a -> leaderboards.standings(c, a.period(), a.teams(), a.season(), a.chart());
            case Action.Stats a -> leaderboards.stats(c, a.member());
            case Action.ChannelMastery a -> mastery.channel(c);
            case Action.ReviewNext a -> reviews.next(c, a.topic());
            case Action.ReviewAnswer a -> reviews.answer(c, a.text());
            case Action.ReviewSwitch a -> reviews.turn(c, a.on());
            case Action.ReviewRemind a -> reviews.remind(c, a.time(), a.timezone());
            case Action.TeamCreate a -> teams.create(c, a.name());
            case Action.TeamJoin a -> teams.join(c, a.name());
            case Action.TeamLeave a -> teams.leave(c);
            case Action.TeamList a -> teams.list(c);
            case Action.ScheduleSet a -> schedules.set(c, a.when(), a.timezone(), a.topic(), a.level(), a.decks());
            case Action.ScheduleShow a -> schedules.show(c);
            case Action.ScheduleOff a -> schedules.off(c);
            case Action.PostNow a -> postNow(c);
            case Action.SeasonStart a -> seasons.start(c, a.name());
            case Action.SeasonEnd a -> seasons.end(c);
            case Action.SeasonList a -> seasons.list(c);
            case Action.History a -> history.list(c, a.count());
            case Action.BankReload a -> reload();
            case Action.BankImport a -> imports.check(c, a.deck(), a.file());
            case Action.BankImportConfirm a -> imports.confirm(c, a.deck());
            case Action.Suggest a -> suggestions.suggest(c, a);
            case Action.SuggestionList a -> suggestions.list(c);
            case Action.SuggestionApprove a -> suggestions.approve(c, a);
            case Action.SuggestionDecline a -> suggestions.decline(c, a.number(), a.reason());
            case Action.QuestionAdd a -> ownQuestions.add(c, a.deck());
            case Action.QuestionEdit a -> ownQuestions.edit(c, a.id());
            case Action.QuestionSubmit a -> ownQuestions.submit(c, a.draft());
            case Action.QuestionRemove a -> ownQuestions.remove(c, a.id());
            case Action.DeckList a -> ownQuestions.decks(c);
            case Action.BankExport a -> ownQuestions.export(c, a.deck());
        };
    }

    private Reply postNow(Command command) {
        DailyPostUseCase.Outcome outcome = dailyPosts.postNow(command.channel());
        return switch (outcome) {
            case POSTED -> new Reply.Notice("Posted the next question.");
            case NO_QUESTION -> new Reply.Error(dailyPosts.whyNoQuestion(command.channel()));
            case PAUSED -> new Reply.Error("The platform refused the post (see /study schedule show); the schedule is paused until it is set again.");
            case RETRY_LATER, NO_PLATFORM -> new Reply.Error("The post could not be sent right now; nothing was recorded. Try again shortly.");
            case ALREADY_POSTED, TOO_LATE, NOT_SCHEDULED -> new Reply.Notice("A question was just posted here.");
        };
    }

    private Reply reload() {
        return bank.reload().<Reply>map(Reply.BankReloaded::new).orElseGet(() -> new Reply.Notice(
                "This bot runs on the question bank built into its jar (bank.path is empty), which cannot change while it runs."
                        + " Point bank.path at a folder of question files to reload them without a restart."));
    }

    /** {@code /study help}, from the catalog. */
    static Reply.Help help() {
        return new Reply.Help(CommandCatalog.specs().stream()
                .map(s -> new Reply.Help.HelpLine(s.usage(), s.description(), s.adminOnly()))
                .toList());
    }

    private static String describe(Command command) {
        return CommandCatalog.of(command.action()).path() + " in " + command.channel().key();
    }
}
