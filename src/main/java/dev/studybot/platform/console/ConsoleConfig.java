package dev.studybot.platform.console;

/** The console has no settings of its own; its section may be left out. */
public record ConsoleConfig() {
}
