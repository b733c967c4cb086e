package dev.studybot.platform.console;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.Reply;
import dev.studybot.domain.words.Labels;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.out.PostedMessage;
import dev.studybot.domain.Upload;
import dev.studybot.port.in.CommandHandler;
import dev.studybot.port.in.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.Reader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * studybot in a terminal: each line is a message from the current user in the current channel.
 * {@code /as NAME [admin]} switches user (the first user, "admin", is an admin; others are members
 * unless marked), {@code /in CHANNEL} switches channel, {@code /study ...} runs a command, and
 * end of input stops.
 *
 * <p>In a terminal it reads through a JLine {@link LineReader} (line editing, history): whatever
 * the bot posts while a line is being typed is printed above the prompt, and the line is redrawn.
 * Without a terminal it reads plain lines.
 */
public final class ConsoleAdapter implements ChatPlatform {
    public static final String NAME = "console";
    static final String WORKSPACE = "local";

    private final PrintStream out;
    private final ConsoleRenderer renderer;
    private final AtomicLong messages = new AtomicLong();
    private CommandHandler commands;
    private Actor actor = new Actor("admin", "admin", true, Set.of());
    private String channel = "general";
    private volatile LineReader lines;
    /** The suggestion form being filled in, field by field. */
    private ConsoleSuggestForm suggestForm;
    private static final java.util.regex.Pattern IMPORT_FILE =
            java.util.regex.Pattern.compile("(?i)^/study\\s+bank\\s+import\\s+(\\S+)(?:\\s+(.+))?$");
    /** The question form being filled in, if one is open: lines go to it until it is sent or closed. */
    private ConsoleForm form;

    public ConsoleAdapter(PrintStream out) {
        this(out, Path.of("data", "charts"));
    }

    /** Pictures are written to {@code charts}. */
    public ConsoleAdapter(PrintStream out, Path charts) {
        this.out = out;
        this.renderer = new ConsoleRenderer(new ConsolePictures(charts), charts.toAbsolutePath().resolveSibling("exports"));
    }

    /** Connects the adapter to the core before {@link #run}. */
    public void bind(CommandHandler commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PostedMessage post(ChannelRef where, Optional<PostedMessage> inThreadOf, Reply reply) {
        long id = messages.incrementAndGet();
        String place = "#" + where.channel() + inThreadOf.map(t -> " thread " + t.threadRef().orElse(t.messageRef())).orElse("");
        print(renderer.post(place, reply));
        boolean opensThread = inThreadOf.isEmpty() && reply instanceof Reply.QuestionCard;
        return new PostedMessage("m" + id, opensThread ? Optional.of("t" + id) : Optional.empty());
    }

    @Override
    public void tell(WorkspaceRef workspace, String userId, Reply reply) {
        print(renderer.post("direct message to " + userId, reply));
    }

    /** Reads lines from a terminal until end of input (Ctrl-D) or an interrupt (Ctrl-C). */
    public void run(LineReader reader) {
        lines = reader;
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(promptText());
                } catch (EndOfFileException | UserInterruptException end) {
                    break;
                }
                handle(line);
            }
            // JLine has already ended the line at Ctrl-D or Ctrl-C
        } finally {
            lines = null;
        }
    }

    /** Reads plain lines until end of input. */
    public void run(Reader input) throws IOException {
        BufferedReader lines = new BufferedReader(input);
        prompt();
        String line;
        while ((line = lines.readLine()) != null) {
            handle(line);
            prompt();
        }
        print("");
    }

    void handle(String typed) {
        if (suggestForm != null) {
            fill(typed);
            return;
        }
        if (form != null) {
            formLine(typed);
            return;
        }
        String line = typed.strip();
        if (line.isEmpty()) {
            return;
        }
        java.util.regex.Matcher file = IMPORT_FILE.matcher(line);
        if (file.matches() && !file.group(1).equalsIgnoreCase("confirm")) {
            importFile(Path.of(file.group(1)), Optional.ofNullable(file.group(2)));
            return;
        }
        if (line.startsWith("/as")) {
            switchUser(line.substring(3).strip());
        } else if (line.startsWith("/in")) {
            switchChannel(line.substring(3).strip());
        } else if (line.startsWith("/study")) {
            show(commands.handleText(new ChannelRef(NAME, WORKSPACE, channel), actor, line));
        } else if (line.startsWith("/")) {
            print("Unknown console command '" + line.split("\\s+")[0] + "'. Use /study ..., /as NAME [admin] or /in CHANNEL.");
        } else {
            print("Commands start with /study (try /study help); /as NAME switches user, /in CHANNEL switches channel.");
        }
    }

    /**
     * Prints a response; the suggestion form and the question form open to be filled in field by
     * field (after problems, only the fields they are about).
     */
    private void show(Response response) {
        if (response.reply() instanceof Reply.SuggestForm) {
            suggestForm = new ConsoleSuggestForm();
            print(suggestForm.prompt());
            return;
        }
        print(renderer.render(response.reply(), response.ephemeral(), actor.displayName()));
        if (response.reply() instanceof Reply.QuestionForm opened) {
            List<QuestionDraft.Field> fields = opened.rejected()
                    ? opened.problems().stream().map(Reply.QuestionForm.FormProblem::field).distinct().toList()
                    : List.of(QuestionDraft.Field.values());
            form = new ConsoleForm(opened.draft(), fields);
            print(form.prompt());
        }
    }

    private void fill(String line) {
        Optional<Action.Suggest> suggest = suggestForm.take(line);
        if (suggest.isEmpty()) {
            print(suggestForm.prompt());
            return;
        }
        suggestForm = null;
        show(commands.handle(new Command(new ChannelRef(NAME, WORKSPACE, channel), actor, suggest.get())));
    }

    private void formLine(String line) {
        if (line.strip().equalsIgnoreCase(ConsoleForm.CANCEL)) {
            form = null;
            print(Labels.FORM_CANCELLED);
            return;
        }
        form.take(line).ifPresent(this::print);
        if (form.done()) {
            QuestionDraft draft = form.draft();
            form = null;
            show(commands.handle(new Command(new ChannelRef(NAME, WORKSPACE, channel), actor, new Action.QuestionSubmit(draft))));
        }
    }
    /** {@code /study bank import FILE [deck]}: the console attaches a local file by its path. */
    private void importFile(Path path, Optional<String> deck) {
        if (!Files.isRegularFile(path)) {
            print("No file " + path + " to import.");
            return;
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            size = -1;
        }
        Upload upload = new Upload(path.getFileName().toString(), size, limit -> {
            try (java.io.InputStream in = Files.newInputStream(path)) {
                return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            }
        });
        show(commands.handle(new Command(new ChannelRef(NAME, WORKSPACE, channel), actor, new Action.BankImport(deck, Optional.of(upload)))));
    }

    private void switchUser(String args) {
        String[] parts = args.split("\\s+");
        if (args.isEmpty() || !parts[0].matches("[\\p{L}\\p{N}._-]{1,32}")) {
            print("Usage: /as NAME [admin] (NAME: up to 32 letters, digits, '.', '_' or '-').");
            return;
        }
        boolean admin = parts.length > 1 && parts[1].equalsIgnoreCase("admin") || parts[0].equals("admin");
        actor = new Actor(parts[0], parts[0], admin, Set.of());
        print("You are now " + parts[0] + (admin ? " (admin)." : "."));
    }

    private void switchChannel(String args) {
        String name = args.startsWith("#") ? args.substring(1) : args;
        if (!name.matches("[\\p{L}\\p{N}._-]{1,64}")) {
            print("Usage: /in CHANNEL (letters, digits, '.', '_' or '-').");
            return;
        }
        channel = name;
        print("Now in #" + name + ".");
    }

    private String promptText() {
        if (form != null) {
            return form.cursor();
        }
        return actor.displayName() + "@#" + channel + "> ";
    }

    private void prompt() {
        synchronized (out) {
            out.print(promptText());
            out.flush();
        }
    }

    private void print(String text) {
        LineReader reader = lines;
        if (reader != null) {
            reader.printAbove(text);
            return;
        }
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
