package dev.studybot.platform.discord;

import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * Points JDA's gateway connection at a configured URL. JDA asks its session controller for the
 * gateway on the first connection and again after a failed reconnect, so the URL is kept here
 * rather than passed once.
 */
final class DiscordGateway extends SessionControllerAdapter {
    private final String url;

    DiscordGateway(String url) {
        this.url = url;
    }

    @Override
    public String getGateway() {
        return url;
    }
}
