package dev.studybot.platform.slack;

import dev.studybot.config.ConfigLoader;
import dev.studybot.port.platform.Secrets;
import dev.studybot.config.StudyConfig;
import dev.studybot.domain.ChannelRef;
import dev.studybot.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * studybot as production builds it (config from config/studybot.yaml with environment overrides,
 * the real wiring on a SQLite file in a temp folder, the real question bank) with its Slack
 * adapter pointed at a {@link SlackEmulator} through {@code slack.api-base-url}.
 */
final class SlackTestBot implements AutoCloseable {
    static final String CHANNEL = "C0GENERAL";
    static final SlackEmulator.Member ADMIN = new SlackEmulator.Member("U0ADMIN", "ada", "Ada", true, false);
    static final SlackEmulator.Member GROUP_ADMIN = SlackEmulator.Member.plain("U0GROUPADM", "grace");
    static final SlackEmulator.Member MEMBER = SlackEmulator.Member.plain("U0MEMBER", "bob");
    static final String ADMIN_GROUP = "studybot-admin";

    final SlackEmulator emu;
    final SlackRequests slack;
    final Wiring wiring;
    final SlackAdapter adapter;

    private SlackTestBot(SlackEmulator emu, Wiring wiring, SlackAdapter adapter) {
        this.emu = emu;
        this.slack = new SlackRequests(emu);
        this.wiring = wiring;
        this.adapter = adapter;
    }

    static SlackTestBot socketMode(Path dir) throws Exception {
        return start(dir, true, Map.of());
    }

    static SlackTestBot httpMode(Path dir) throws Exception {
        return start(dir, false, Map.of());
    }

    static SlackTestBot start(Path dir, boolean socketMode, Map<String, String> extraEnv) throws Exception {
        SlackEmulator emu = new SlackEmulator();
        try {
            emu.addMember(ADMIN);
            emu.addMember(GROUP_ADMIN);
            emu.addMember(MEMBER);
            emu.userGroups.put(ADMIN_GROUP, java.util.Set.of(GROUP_ADMIN.id()));
            Map<String, String> env = new HashMap<>();
            env.put("STUDYBOT_DATABASE_PATH", dir.resolve("studybot.db").toString());
            env.put("STUDYBOT_SLACK_API_BASE_URL", emu.apiBaseUrl());
            env.put("STUDYBOT_SLACK_HTTP_PORT", "0");
            env.put("STUDYBOT_SCHEDULE_RETRY_DELAY", "1s");
            env.put("STUDYBOT_ADMIN_ROLES", ADMIN_GROUP);
            env.putAll(extraEnv);
            SlackModule module = new SlackModule();
            ConfigLoader.Loaded loaded = new ConfigLoader().load(null, env);
            StudyConfig config = loaded.config();
            Secrets secrets = Secrets.from(Map.of(SlackModule.BOT_TOKEN, SlackEmulator.BOT_TOKEN,
                    socketMode ? SlackModule.APP_TOKEN : SlackModule.SIGNING_SECRET,
                    socketMode ? SlackEmulator.APP_TOKEN : SlackEmulator.SIGNING_SECRET), module.secretNames());
            Wiring wiring = new Wiring(Wiring.Options.of(config, Clock.systemUTC()));
            SlackAdapter adapter;
            try {
                adapter = (SlackAdapter) wiring.startPlatform(module, loaded.section(module), secrets, UnaryOperator.identity()).platform();
            } catch (Exception e) {
                wiring.close();
                throw e;
            }
            wiring.start();
            return new SlackTestBot(emu, wiring, adapter);
        } catch (Exception e) {
            emu.close();
            throw e;
        }
    }

    ChannelRef channel() {
        return channel(CHANNEL);
    }

    ChannelRef channel(String id) {
        return new ChannelRef(SlackAdapter.NAME, SlackEmulator.TEAM, id);
    }


    @Override
    public void close() {
        try {
            wiring.close();
        } finally {
            emu.close();
        }
    }

    /** A slash command in the general channel over Socket Mode, and the first reply to its response URL. */
    SlackEmulator.Responded command(SlackEmulator.Member who, String text) throws Exception {
        SlackRequests.Request r = slack.slash(who, CHANNEL, text);
        slack.overSocket(r).get(5, java.util.concurrent.TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !emu.responsesTo(r.responseUrl()).isEmpty());
        return emu.responsesTo(r.responseUrl()).get(0);
    }
}
