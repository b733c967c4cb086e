package dev.studybot.platform.echo;

/** The echo platform's config section: none needed, so the section may be left out. */
public record EchoConfig() {
}
