package dev.studybot.platform.slack;

import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthInstallPageRenderer;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthRedirectUriPageRenderer;
import dev.studybot.domain.words.Installs;
import java.util.List;

/**
 * The pages of the install flow, plain HTML that needs no JavaScript and loads nothing from
 * elsewhere: the install page with its "Add to Slack" link (Bolt's authorize URL, on the
 * configured consent page), and the pages the installer lands on after Slack sends them back.
 */
final class SlackInstallPages implements OAuthInstallPageRenderer, OAuthRedirectUriPageRenderer {
    private static final String BOLT_AUTHORIZE = "https://slack.com/oauth/v2/authorize";

    private final String authorizeUrl;
    private final List<String> scopes;

    SlackInstallPages(String authorizeUrl, List<String> scopes) {
        this.authorizeUrl = authorizeUrl;
        this.scopes = List.copyOf(scopes);
    }

    @Override
    public String render(String url) {
        String link = url.startsWith(BOLT_AUTHORIZE) ? authorizeUrl + url.substring(BOLT_AUTHORIZE.length()) : url;
        StringBuilder list = new StringBuilder();
        scopes.forEach(s -> list.append("<li><code>").append(escape(s)).append("</code></li>"));
        return page(Installs.PAGE_TITLE, "<p>" + escape(Installs.PITCH) + "</p>"
                + "<p><a id=\"add-to-slack\" class=\"button\" href=\"" + escape(link) + "\">" + escape(Installs.ADD_BUTTON) + "</a></p>"
                + "<p>" + escape(Installs.PERMISSIONS) + "</p><ul>" + list + "</ul>");
    }

    @Override
    public String renderSuccessPage(Installer installer, String completionUrl) {
        String where = installer.getTeamId() != null ? installer.getTeamId() : installer.getEnterpriseId();
        if (installer instanceof DefaultInstaller d) {
            String name = d.getTeamName() != null ? d.getTeamName() : d.getEnterpriseName();
            where = name != null && !name.isBlank() ? name : where;
        }
        return page(Installs.DONE_TITLE, "<p id=\"outcome\">" + escape(Installs.done(where == null ? "your workspace" : where)) + "</p>");
    }

    @Override
    public String renderFailurePage(String installPath, String reason) {
        return page(Installs.FAILED_TITLE, "<p id=\"outcome\">" + escape(Installs.failed(reason == null ? "unknown_error" : reason)) + "</p>"
                + "<p><a href=\"" + escape(installPath) + "\">" + escape(Installs.TRY_AGAIN) + "</a></p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1d1c1d}"
                + ".button{display:inline-block;padding:.6rem 1.2rem;border-radius:.3rem;background:#4a154b;color:#fff;"
                + "font-weight:bold;text-decoration:none}"
                + "</style></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>\n";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
