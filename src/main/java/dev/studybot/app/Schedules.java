package dev.studybot.app;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Level;
import dev.studybot.domain.Schedule;
import dev.studybot.domain.Reply;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.in.Command;
import dev.studybot.port.out.PostScheduler;
import dev.studybot.port.out.ScheduleStore;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A channel's daily post: set (checked before anything changes), show, off. */
public final class Schedules {
    private final Clock clock;
    private final Settings settings;
    private final ScheduleStore schedules;
    private final PostScheduler scheduler;
    private final Lookups lookups;
    private final Decks decks;
    private final WhenParser whenParser = new WhenParser();

    public Schedules(Clock clock, Settings settings, ScheduleStore schedules, PostScheduler scheduler, Lookups lookups, Decks decks) {
        this.clock = clock;
        this.settings = settings;
        this.schedules = schedules;
        this.scheduler = scheduler;
        this.lookups = lookups;
        this.decks = decks;
    }

    /** A schedule that passed every check: the cron, the zone and the topic it resolved to, and how the zone was read. */
    private record Checked(String cron, ZoneId zone, Optional<String> topic, Optional<String> zoneNote, List<String> decks) {
    }

    /** A zone as typed, and a note when it was read as something else (an abbreviation, an offset). */
    record ReadZone(ZoneId zone, Optional<String> note) {
    }

    private static final Pattern OFFSET = Pattern.compile("(?i)(UTC|GMT|UT)?([+-])(\\d{1,2})(?::?(\\d{2}))?");
    /** Abbreviations people type for a zone, read as the IANA zone that keeps its summer time. */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("EST", "America/New_York"), Map.entry("EDT", "America/New_York"),
            Map.entry("CST", "America/Chicago"), Map.entry("CDT", "America/Chicago"),
            Map.entry("MST", "America/Denver"), Map.entry("MDT", "America/Denver"),
            Map.entry("PST", "America/Los_Angeles"), Map.entry("PDT", "America/Los_Angeles"),
            Map.entry("AKST", "America/Anchorage"), Map.entry("AKDT", "America/Anchorage"),
            Map.entry("HST", "Pacific/Honolulu"),
            Map.entry("WET", "Europe/Lisbon"), Map.entry("WEST", "Europe/Lisbon"),
            Map.entry("BST", "Europe/London"),
            Map.entry("CET", "Europe/Berlin"), Map.entry("CEST", "Europe/Berlin"),
            Map.entry("EET", "Europe/Athens"), Map.entry("EEST", "Europe/Athens"),
            Map.entry("MSK", "Europe/Moscow"),
            Map.entry("JST", "Asia/Tokyo"), Map.entry("KST", "Asia/Seoul"), Map.entry("HKT", "Asia/Hong_Kong"),
            Map.entry("SGT", "Asia/Singapore"),
            Map.entry("AEST", "Australia/Sydney"), Map.entry("AEDT", "Australia/Sydney"),
            Map.entry("ACST", "Australia/Adelaide"), Map.entry("AWST", "Australia/Perth"),
            Map.entry("NZST", "Pacific/Auckland"), Map.entry("NZDT", "Pacific/Auckland"));
    /** Abbreviations that name more than one zone. */
    private static final Map<String, String> AMBIGUOUS = Map.of(
            "IST", "India (Asia/Kolkata), Israel (Asia/Jerusalem) or Ireland (Europe/Dublin)",
            "AST", "Atlantic (America/Halifax) or Arabia (Asia/Riyadh)");
    private static final Map<String, String> ZONE_IDS = zoneIds();

    private static Map<String, String> zoneIds() {
        Map<String, String> ids = new HashMap<>();
        ZoneId.getAvailableZoneIds().forEach(id -> ids.put(id.toLowerCase(Locale.ROOT), id));
        return Map.copyOf(ids);
    }

    /**
     * A time zone as an admin typed it: an IANA name in any case, UTC or GMT, a common abbreviation
     * (EST, CET) read as its IANA zone, or a fixed offset (+05:30, UTC+05:30, GMT-3); refused, with
     * a "did you mean" when the name is close to one, otherwise.
     */
    static ReadZone readZone(String typed) throws CommandSyntaxException {
        String t = typed.strip();
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.equals("UTC") || upper.equals("GMT") || upper.equals("Z") || upper.equals("UT")) {
            return new ReadZone(ZoneId.of("UTC"), Optional.empty());
        }
        if (ABBREVIATIONS.containsKey(upper)) {
            String id = ABBREVIATIONS.get(upper);
            return new ReadZone(ZoneId.of(id), Optional.of(upper + " read as " + id + ", which follows its daylight-saving changes"));
        }
        if (AMBIGUOUS.containsKey(upper)) {
            throw new CommandSyntaxException("The timezone abbreviation " + upper + " is ambiguous: it can mean " + AMBIGUOUS.get(upper)
                    + ". Use the IANA name.");
        }
        Matcher offset = OFFSET.matcher(t);
        if (offset.matches()) {
            int hours = Integer.parseInt(offset.group(3));
            int minutes = offset.group(4) == null ? 0 : Integer.parseInt(offset.group(4));
            if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0)) {
                throw new CommandSyntaxException("The timezone offset '" + Texts.shorten(t, 20)
                        + "' is out of range: offsets go from UTC-14:00 to UTC+14:00, e.g. +05:30 or UTC-03:00.");
            }
            int sign = offset.group(2).equals("-") ? -1 : 1;
            ZoneId zone = ZoneId.ofOffset("UTC", ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
            return new ReadZone(zone, Optional.of(Texts.shorten(t, 20) + " read as the fixed offset " + zone.getId()
                    + ", without daylight-saving changes; use an IANA name such as Asia/Kolkata to follow them"));
        }
        String exact = ZONE_IDS.get(t.toLowerCase(Locale.ROOT));
        if (exact != null) {
            try {
                return new ReadZone(ZoneId.of(exact), Optional.empty());
            } catch (DateTimeException e) {
                // listed but not loadable: refused below
            }
        }
        Optional<String> closest = t.indexOf('/') < 0
                // a city alone ("berlin"): the zone named after it
                ? ZONE_IDS.values().stream().filter(id -> id.contains("/") && id.substring(id.lastIndexOf('/') + 1).equalsIgnoreCase(t))
                        .sorted().findFirst()
                : Optional.empty();
        if (closest.isEmpty() && t.length() > 2) {
            closest = Suggestions.closest(t, ZONE_IDS.values().stream().sorted().toList());
        }
        String suggestion = closest.map(s -> " Did you mean " + s + "?").orElse("");
        throw new CommandSyntaxException("Unknown timezone '" + Texts.shorten(t, 40) + "'." + suggestion
                + " Use an IANA name such as Europe/Berlin, America/New_York or UTC, or an offset such as +05:30.");
    }

    /** Why {@code set} would refuse these values, found without the store; empty when they are fine. */
    public Optional<Reply.Error> problem(WorkspaceRef workspace, String when, Optional<String> timezone, Optional<String> topic,
                                         List<String> decks) {
        try {
            check(workspace, when, timezone, topic, decks);
            return Optional.empty();
        } catch (CommandSyntaxException e) {
            return Optional.of(new Reply.Error(e.getMessage()));
        }
    }

    private Checked check(WorkspaceRef workspace, String when, Optional<String> timezone, Optional<String> topic, List<String> deckNames)
            throws CommandSyntaxException {
        ZoneId zone = settings.zone();
        Optional<String> zoneNote = Optional.empty();
        if (timezone.isPresent()) {
            ReadZone read = readZone(timezone.get());
            zone = read.zone();
            zoneNote = read.note();
        }
        Optional<String> resolvedTopic = Optional.empty();
        if (topic.isPresent()) {
            resolvedTopic = lookups.resolveTopic(workspace, topic.get());
            if (resolvedTopic.isEmpty()) {
                throw new CommandSyntaxException("No topic matches '" + Texts.shorten(topic.get(), 40) + "'. See /study topics.");
            }
        }
        List<String> resolvedDecks = resolveDecks(workspace, deckNames);
        String cron = whenParser.toCron(when);
        Instant now = clock.instant();
        try {
            scheduler.nextFire(cron, zone, now);
        } catch (PostScheduler.InvalidScheduleException e) {
            throw new CommandSyntaxException(e.getMessage());
        }
        return new Checked(cron, zone, resolvedTopic, zoneNote, resolvedDecks);
    }

    /** The decks as the workspace spells them; an unknown one is refused with the names of those there are. */
    private List<String> resolveDecks(WorkspaceRef workspace, List<String> typed) throws CommandSyntaxException {
        List<String> out = new java.util.ArrayList<>();
        for (String name : typed) {
            Optional<String> deck = decks.resolve(workspace, name);
            if (deck.isEmpty()) {
                throw new CommandSyntaxException(decks.noSuchDeck(workspace, name));
            }
            if (!out.contains(deck.get())) {
                out.add(deck.get());
            }
        }
        return out;
    }

    public Reply set(Command command, String when, Optional<String> timezone, Optional<String> topic, Optional<Level> level,
                     List<String> deckNames) {
        Checked checked;
        try {
            checked = check(command.channel().workspaceRef(), when, timezone, topic, deckNames);
        } catch (CommandSyntaxException e) {
            return new Reply.Error(e.getMessage());
        }
        ChannelRef channel = command.channel();
        Schedule schedule = new Schedule(channel, when.strip(), checked.cron(), checked.zone(), checked.topic(), level,
                Optional.of(command.actor().userId()), Optional.empty(), checked.decks());
        schedules.save(schedule);
        scheduler.apply(schedule);
        return new Reply.ScheduleInfo(Optional.of(schedule), scheduler.next(channel), checked.zoneNote().stream().toList());
    }

    /**
     * Pauses the schedules of {@code platform} in the workspaces {@code workspaces} accepts (the app
     * was removed there): each keeps its reason, shown by {@code schedule show}, and its trigger is
     * taken off, until an admin sets it again. How many it paused.
     */
    public int pauseAll(String platform, java.util.function.Predicate<String> workspaces, String reason) {
        int paused = 0;
        for (Schedule s : schedules.all()) {
            if (s.channel().platform().equals(platform) && workspaces.test(s.channel().workspace()) && !s.paused()) {
                schedules.save(s.pausedFor(reason));
                scheduler.remove(s.channel());
                paused++;
            }
        }
        return paused;
    }

    public Reply show(Command command) {
        Optional<Schedule> schedule = schedules.find(command.channel());
        return new Reply.ScheduleInfo(schedule, schedule.flatMap(s -> scheduler.next(s.channel())));
    }

    public Reply off(Command command) {
        boolean had = schedules.delete(command.channel());
        scheduler.remove(command.channel());
        return new Reply.Notice(had
                ? "The daily question in this channel is off. Points and history are kept."
                : "This channel had no schedule.");
    }
}
