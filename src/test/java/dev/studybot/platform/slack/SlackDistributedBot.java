package dev.studybot.platform.slack;

import dev.studybot.config.ConfigLoader;
import dev.studybot.port.platform.Secrets;
import dev.studybot.wiring.Wiring;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A studybot node as production builds it in distributed mode ({@code slack.mode: distributed},
 * HTTP mode, tokens encrypted at rest), with its Web API and consent page pointed at a
 * {@link SlackEmulator}, on the database {@code env} names. {@link #install} runs the install flow
 * as a browser without JavaScript would: the page, the link, Slack's redirect, the app's page.
 */
final class SlackDistributedBot implements AutoCloseable {
    /** 32 bytes, base64: what {@code openssl rand -base64 32} makes. */
    static final String TOKEN_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJ0ro=";
    private static final Pattern ADD_LINK = Pattern.compile("id=\"add-to-slack\"[^>]*href=\"([^\"]+)\"");

    final Wiring wiring;
    final SlackAdapter adapter;
    final int port;

    private SlackDistributedBot(Wiring wiring, SlackAdapter adapter, int port) {
        this.wiring = wiring;
        this.adapter = adapter;
        this.port = port;
    }

    /**
     * A node on its own port; {@code publicUrl} empty: that port's own address. The redirect URL
     * names the port before the node listens, so a port another process took in between is
     * given up for another.
     */
    static SlackDistributedBot start(SlackEmulator emu, Map<String, String> database, Optional<Wiring.DatabaseLogin> login, String publicUrl)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return start(emu, database, login, publicUrl, SlackLoadHarness.freePort());
            } catch (java.net.BindException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static SlackDistributedBot start(SlackEmulator emu, Map<String, String> database, Optional<Wiring.DatabaseLogin> login,
                                             String publicUrl, int port) throws Exception {
        Map<String, String> env = new HashMap<>(database);
        env.putAll(config(emu, port, publicUrl.isEmpty() ? "http://127.0.0.1:" + port : publicUrl));
        SlackModule module = new SlackModule();
        ConfigLoader.Loaded loaded = new ConfigLoader().load(null, env);
        Secrets secrets = Secrets.from(SECRETS, module.secretNames());
        Wiring.Options options = Wiring.Options.of(loaded.config(), Clock.systemUTC());
        if (login.isPresent()) {
            options = options.withDatabaseLogin(login.get());
        }
        Wiring wiring = new Wiring(options);
        try {
            SlackAdapter adapter = (SlackAdapter) wiring.startPlatform(module, loaded.section(module), secrets, UnaryOperator.identity()).platform();
            wiring.start();
            return new SlackDistributedBot(wiring, adapter, port);
        } catch (Exception | Error e) {
            wiring.close();
            throw e;
        }
    }

    /** The secrets of a distributed node: the app's client secret, the signing secret, the key of stored tokens. */
    static final Map<String, String> SECRETS = Map.of(SlackModule.CLIENT_SECRET, SlackEmulatorInstalls.CLIENT_SECRET,
            SlackModule.SIGNING_SECRET, SlackEmulator.SIGNING_SECRET, SlackModule.TOKEN_KEY, TOKEN_KEY);

    /** The config of a distributed node on {@code port} in front of the emulator, as environment overrides. */
    static Map<String, String> config(SlackEmulator emu, int port, String publicUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("STUDYBOT_SLACK_API_BASE_URL", emu.apiBaseUrl());
        env.put("STUDYBOT_SLACK_HTTP_PORT", Integer.toString(port));
        env.put("STUDYBOT_SLACK_MODE", "distributed");
        env.put("STUDYBOT_SLACK_CLIENT_ID", SlackEmulatorInstalls.CLIENT_ID);
        env.put("STUDYBOT_SLACK_PUBLIC_URL", publicUrl);
        env.put("STUDYBOT_SLACK_AUTHORIZE_URL", emu.authorizeUrl());
        env.put("STUDYBOT_SCHEDULE_RETRY_DELAY", "1s");
        env.put("STUDYBOT_ADMIN_ROLES", SlackTestBot.ADMIN_GROUP);
        return env;
    }

    String installPage() {
        return "http://127.0.0.1:" + port + "/slack/install";
    }


    /** What the installer's browser ended on: the status and the page, and the time from the click on "Add to Slack". */
    record Landed(int status, String page, long nanosFromClick) {
    }

    /**
     * The install flow over plain HTTP, as a browser without JavaScript: opens the install page,
     * follows its "Add to Slack" link to the emulator's consent page, and follows Slack's
     * redirect back to the app (to {@code redirectHost} instead when set: another node) with the
     * state cookie the install page set. (The JDK's cookie jar keeps Secure cookies off plain
     * http, which a browser sends to 127.0.0.1; so the cookie is carried by hand.)
     */
    static Landed install(String installPage) throws IOException, InterruptedException {
        return install(installPage, Optional.empty());
    }

    static Landed install(String installPage, Optional<String> redirectHost) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(installPage)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).reduce((a, b) -> a + "; " + b).orElse("");
        Matcher link = ADD_LINK.matcher(page.body());
        if (page.statusCode() != 200 || !link.find()) {
            return new Landed(page.statusCode(), page.body(), 0);
        }
        long click = System.nanoTime();
        String authorize = link.group(1).replace("&amp;", "&");
        HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String back = consent.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "the consent page did not redirect: HTTP " + consent.statusCode() + " " + consent.body()));
        URI redirect = URI.create(back);
        if (redirectHost.isPresent()) {
            redirect = URI.create(redirectHost.get() + redirect.getRawPath() + "?" + redirect.getRawQuery());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(redirect).GET();
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> landed = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Landed(landed.statusCode(), landed.body(), System.nanoTime() - click);
    }

    @Override
    public void close() {
        wiring.close();
    }
}
