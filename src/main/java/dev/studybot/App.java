package dev.studybot;

import dev.studybot.cli.StudybotCommand;

/** studybot's entry point: {@code run} (the default), {@code validate}, {@code import}, {@code backup}, {@code migrate}. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        System.exit(StudybotCommand.execute(args));
    }
}
