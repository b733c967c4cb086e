package dev.studybot.platform.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the installer sees when an install fails: the failure page in words, with the reason and
 * a link back to the install page; the log says what failed, never the authorization code.
 */
final class SlackOAuthOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(SlackOAuthOutcomes.class);

    private final SlackInstallPages pages;
    private final String installPath;

    SlackOAuthOutcomes(SlackInstallPages pages, String installPath) {
        this.pages = pages;
        this.installPath = installPath;
    }

    void register(App app) {
        app.oauthCallbackStateError((req, resp) -> failed(resp, 400, "invalid_state", "a redirect with an unknown, used or expired state"));
        app.oauthCallbackError((req, resp) -> failed(resp, 200, error(req), "Slack sent the installer back with an error"));
        app.oauthCallbackAccessError((OAuthV2AccessErrorHandler) (req, resp, access) -> failed(resp, 200, access.getError() == null ? "unknown_error" : access.getError(),
                "oauth.v2.access refused the code"));
        app.oauthCallbackException((req, resp, e) -> failed(resp, 500, "internal_error", "the install failed: " + e));
    }

    private static String error(OAuthCallbackRequest req) {
        String error = req.getPayload() == null ? null : req.getPayload().getError();
        return error == null ? "unknown_error" : error;
    }

    private Response failed(Response resp, int status, String reason, String what) {
        LOG.info("Slack install not completed ({}): {}", reason, what);
        resp.setStatusCode(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.setBody(pages.renderFailurePage(installPath, reason));
        return resp;
    }
}
