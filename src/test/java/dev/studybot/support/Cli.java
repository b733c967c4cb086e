package dev.studybot.support;

import dev.studybot.cli.StudybotCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** {@code studybot} run as its command line runs, with what it printed to each stream. */
public final class Cli {
    private Cli() {
    }

    /** How a run ended: its exit status and its output and error streams. */
    public record Run(int status, String out, String err) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = StudybotCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
