package dev.studybot.platform.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The install side of the Slack emulator: several workspaces (one may be an Enterprise Grid
 * organisation installing for all its workspaces), Slack's consent page at
 * {@code /oauth/v2/authorize} that grants at once and sends the browser back to the app's
 * redirect with a code and the state, {@code oauth.v2.access} (a code for a bot token, and a
 * refresh token for a new one when tokens rotate), and tokens the emulator can revoke.
 */
final class SlackEmulatorInstalls {
    static final String CLIENT_ID = "1111.2222";
    static final String CLIENT_SECRET = "emulator-client-secret";
    static final String APP_ID = "A0STUDYBOT";

    /** A workspace; {@code enterprise} is its organisation on Enterprise Grid, {@code orgWide} when it installs for all of it. */
    record Team(String id, String name, String enterprise, boolean orgWide) {
        static Team plain(String id, String name) {
            return new Team(id, name, null, false);
        }
    }

    /** A token an install or a refresh granted. */
    record Grant(Team team, String installer, String token, String refreshToken, long expiresAtMillis) {
    }

    private final SlackEmulator emu;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    /** Tokens in force, by token. */
    final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    /** Members by team, for users.info with that team's token. */
    final Map<String, Map<String, SlackEmulator.Member>> teamMembers = new ConcurrentHashMap<>();
    /** Every token a Web API call carried, with its method. */
    final List<String[]> calls = new CopyOnWriteArrayList<>();
    /** What the next authorization grants: the team, and who installs. */
    private volatile Team next;
    private volatile String nextInstaller = "U0INSTALLER";
    /** When above 0, tokens expire after this many seconds and come with a refresh token. */
    volatile long tokenSeconds;
    /** When on, the installer presses Cancel on the consent page. */
    volatile boolean cancel;
    /** Every refresh Slack granted. */
    final List<Grant> refreshes = new CopyOnWriteArrayList<>();

    SlackEmulatorInstalls(SlackEmulator emu) {
        this.emu = emu;
    }

    /** The workspace that the next "Allow" on the consent page installs in, and its installer. */
    void nextInstall(Team team, String installer) {
        next = team;
        nextInstaller = installer;
    }

    void addMember(Team team, SlackEmulator.Member member) {
        teamMembers.computeIfAbsent(team.id(), t -> new ConcurrentHashMap<>()).put(member.id(), member);
    }

    Optional<Grant> grant(String token) {
        return Optional.ofNullable(token).map(tokens::get);
    }

    /** The token in force in a workspace (the latest granted). */
    Optional<String> tokenOf(Team team) {
        return tokens.values().stream().filter(g -> g.team().equals(team)).reduce((a, b) -> b).map(Grant::token);
    }

    /** Revokes the workspace's tokens, as uninstalling does. */
    void revoke(Team team) {
        tokens.values().removeIf(g -> g.team().equals(team));
    }

    /** The tokens the app used for {@code method}, in order. */
    List<String> tokensFor(String method) {
        return calls.stream().filter(c -> c[0].equals(method)).map(c -> c[1]).toList();
    }

    /** Slack's consent page: grants at once, sending the browser to redirect_uri with code and state. */
    void authorize(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            Team team = next;
            String redirect = q.get("redirect_uri");
            if (!CLIENT_ID.equals(q.get("client_id")) || redirect == null || team == null) {
                byte[] body = "invalid_client_id, redirect_uri or no team to install".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(400, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            String state = q.getOrDefault("state", "");
            String answer;
            if (cancel) {
                answer = "error=access_denied";
            } else {
                String code = "code-" + sequence.incrementAndGet();
                codes.put(code, new Grant(team, nextInstaller, null, null, 0));
                answer = "code=" + enc(code);
            }
            exchange.getResponseHeaders().set("Location", redirect + (redirect.contains("?") ? "&" : "?") + answer + "&state=" + enc(state));
            exchange.sendResponseHeaders(302, -1);
        }
    }

    /** oauth.v2.access: the authorization code (once) for a bot token, or a refresh token for a new one. */
    ObjectNode access(HttpExchange exchange, Map<String, String> p) {
        String[] basic = basic(exchange);
        String id = basic != null ? basic[0] : p.get("client_id");
        String secret = basic != null ? basic[1] : p.get("client_secret");
        if (!CLIENT_ID.equals(id) || !CLIENT_SECRET.equals(secret)) {
            return error("invalid_client");
        }
        if ("refresh_token".equals(p.get("grant_type"))) {
            Grant old = tokens.values().stream().filter(g -> p.get("refresh_token") != null && p.get("refresh_token").equals(g.refreshToken()))
                    .findFirst().orElse(null);
            if (old == null) {
                return error("invalid_refresh_token");
            }
            tokens.remove(old.token());
            Grant fresh = issue(old.team(), old.installer());
            refreshes.add(fresh);
            return ObjectNodes.tokenAnswer(emu, fresh, tokenSeconds);
        }
        Grant code = p.get("code") == null ? null : codes.remove(p.get("code"));
        if (code == null) {
            return error("invalid_code");
        }
        return ObjectNodes.tokenAnswer(emu, issue(code.team(), code.installer()), tokenSeconds);
    }

    private Grant issue(Team team, String installer) {
        long n = sequence.incrementAndGet();
        String token = "xoxb-" + team.id() + "-" + n;
        long expires = tokenSeconds > 0 ? System.currentTimeMillis() + tokenSeconds * 1000 : 0;
        Grant g = new Grant(team, installer, token, tokenSeconds > 0 ? "xoxe-1-" + team.id() + "-" + n : null, expires);
        tokens.put(token, g);
        return g;
    }

    private ObjectNode error(String code) {
        return emu.json.createObjectNode().put("ok", false).put("error", code);
    }

    /** The answers of oauth.v2.access, as Slack shapes them. */
    static final class ObjectNodes {
        private ObjectNodes() {
        }

        static ObjectNode tokenAnswer(SlackEmulator emu, Grant g, long seconds) {
            ObjectNode out = emu.json.createObjectNode().put("ok", true).put("app_id", APP_ID)
                    .put("scope", String.join(",", SlackConfig.SCOPES)).put("token_type", "bot").put("access_token", g.token())
                    .put("bot_user_id", "U0BOT" + g.team().id());
            out.putObject("authed_user").put("id", g.installer());
            if (g.team().orgWide()) {
                out.putNull("team");
            } else {
                out.putObject("team").put("id", g.team().id()).put("name", g.team().name());
            }
            if (g.team().enterprise() != null) {
                out.putObject("enterprise").put("id", g.team().enterprise()).put("name", g.team().name() + " organisation");
            } else {
                out.putNull("enterprise");
            }
            out.put("is_enterprise_install", g.team().orgWide());
            if (g.refreshToken() != null) {
                out.put("refresh_token", g.refreshToken()).put("expires_in", seconds);
            }
            return out;
        }
    }

    private static String[] basic(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Basic ")) {
            return null;
        }
        String pair = new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
