package dev.studybot.port;

/** The core's inbound port: every adapter hands its commands here and renders the response. */
public interface CommandHandler {
    Response handle(Command command);
}
