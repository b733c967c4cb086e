package dev.studybot.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: its subcommands, and one-line errors with a non-zero exit status. */
@Command(name = "studybot", mixinStandardHelpOptions = true, version = "studybot 0.1.0",
        description = "A daily deep-learning study bot for Slack, Discord and the terminal.",
        subcommands = {RunCommand.class, ImportCommand.class, ValidateCommand.class, BackupCommand.class, MigrateCommand.class})
public final class StudybotCommand implements Runnable {

    @Override
    public void run() {
        // never reached: execute() adds "run" when no subcommand is given
    }

    /** Runs the command line; without a subcommand it is {@code run}, so {@code studybot --db FILE} works. */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        boolean topLevel = args.length > 0 && (cl.getSubcommands().containsKey(args[0])
                || List.of("-h", "--help", "-V", "--version").contains(args[0]));
        if (topLevel) {
            return cl.execute(args);
        }
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return cl.execute(withRun);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new StudybotCommand());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("studybot: " + oneLine(e));
            err.flush();
            return 2;
        });
        return cl;
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
