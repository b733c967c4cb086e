package dev.studybot.port.in;

/** The core's inbound port: every adapter hands its commands here and renders the response. */
public interface CommandHandler {
    Response handle(Command command);
}
