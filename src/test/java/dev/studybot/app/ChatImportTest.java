package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.ImportReport;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Upload;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.Response;
import dev.studybot.support.MutableClock;
import dev.studybot.support.memory.MemoryCore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code /study bank import} over the in-memory core: the report, the confirm, the limits and who may do it. */
class ChatImportTest {
    /** A list in the seeds' bold style: one question the bank covers, two new answered ones, one unanswered, one whose answer drafts no claim. */
    static final String LIST = read("team-list.md");

    /** A list of src/test/resources/import/chat. */
    static String read(String name) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/import/chat", name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final MemoryCore core = new MemoryCore(clock);
    private final ChannelRef here = MemoryCore.channel("study");
    private final Actor admin = new Actor("A1", "Ada", true, Set.of());

    static Upload file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Upload file(String name, byte[] bytes) {
        return new Upload(name, bytes.length, limit -> Arrays.copyOf(bytes, (int) Math.min(bytes.length, limit + 1)));
    }

    private Response send(ChannelRef channel, Actor actor, Optional<String> deck, Upload upload) {
        return core.bot().handle(new Command(channel, actor, new Action.BankImport(deck, Optional.of(upload))));
    }

    @Test
    void aListIsReportedAndNothingIsStoredUntilTheAdminConfirms() {
        Response response = send(here, admin, Optional.empty(), file("team.md", LIST));

        assertThat(response.ephemeral()).isTrue();
        ImportReport report = ((Reply.ImportChecked) response.reply()).report();
        assertThat(report.of(ImportReport.Kind.COVERED)).singleElement().satisfies(e -> {
            assertThat(e.match()).contains("reg-dropout");
            assertThat(e.line()).isEqualTo(3);
        });
        assertThat(report.of(ImportReport.Kind.UNANSWERED)).extracting(ImportReport.Entry::line).containsExactly(9);
        assertThat(report.of(ImportReport.Kind.PROBLEM)).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(14);
            assertThat(e.problem()).hasValueSatisfying(p -> assertThat(p).contains("no key points"));
        });
        assertThat(report.storable()).isEqualTo(2);
        assertThat(report.deck()).isEqualTo("imported");
        String text = core.text(response);
        assertThat(text).contains("team.md:6", "team.md:9", "team.md:14: ", "reg-dropout", "/study bank import confirm")
                .contains("2 new answered questions in deck imported");
        assertThat(core.decks().decks(here.workspaceRef())).extracting(Reply.DeckList.DeckLine::name).containsExactly(Decks.BUILT_IN);

        Response stored = core.bot().handleText(here, admin, "/study bank import confirm");
        assertThat(core.text(stored)).startsWith("Stored 2 questions in deck imported:");
        assertThat(core.decks().ownQuestions(here.workspaceRef(), "imported")).extracting(q -> q.text())
                .containsExactly("What is gradient clipping, and when is it needed?", "Why does batch normalization speed up training?");
        assertThat(core.text(core.bot().handleText(here, admin, "/study bank import confirm"))).as("taken once")
                .contains("You have no import waiting");
    }

    @Test
    void theConfirmMayNameAnotherDeckAndAnImportExpiresAfterAnHour() {
        send(here, admin, Optional.of("ml-basics"), file("team.md", LIST));
        assertThat(core.text(core.bot().handleText(here, admin, "/study bank import confirm practice"))).contains("in deck practice");
        assertThat(core.decks().ownQuestions(here.workspaceRef(), "practice")).hasSize(2);

        core.decks().remove(here.workspaceRef(), "gradient-clipping-needed", clock.instant());
        send(here, admin, Optional.empty(), file("later.md", LIST.replace("gradient clipping", "weight tying")));
        clock.advance(Duration.ofMinutes(61));
        assertThat(core.text(core.bot().handleText(here, admin, "/study bank import confirm"))).contains("You have no import waiting");
    }

    @Test
    void aQuestionAskedTwiceInTheListIsNamedWithTheListsOwnLines() {
        String twice = LIST + "\n**6. What is gradient clipping, and when is it needed?**\n"
                + "Gradient clipping caps the **gradient norm**, which tames **exploding gradients** in recurrent networks.\n";
        ImportReport report = ((Reply.ImportChecked) send(here, admin, Optional.empty(), file("team.md", twice)).reply()).report();
        assertThat(report.of(ImportReport.Kind.PROBLEM)).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(17);
            assertThat(e.problem()).hasValueSatisfying(p -> assertThat(p).contains("repeats question", "(team.md:6)"));
        });
        assertThat(report.storable()).isEqualTo(2);
    }

    @Test
    void aQuestionNearOneTheWorkspaceHasIsNamedWithItAndStillStored() {
        String near = "**1. How does dropout behave in a small network?**\nWith few units, dropping some leaves **too little capacity**.\n";
        Response response = send(here, admin, Optional.empty(), file("near.md", near));
        ImportReport report = ((Reply.ImportChecked) response.reply()).report();
        assertThat(report.of(ImportReport.Kind.NEAR)).singleElement().satisfies(e -> {
            assertThat(e.match()).contains("reg-dropout");
            assertThat(e.similarity()).isBetween(0.25, 0.35);
        });
        assertThat(core.text(response)).contains("near a question you have", "→ reg-dropout (0.2");
        assertThat(core.text(core.bot().handleText(here, admin, "/study bank import confirm"))).startsWith("Stored 1 question in deck imported");
    }

    @Test
    void theLastListSentIsTheOneAConfirmStores() {
        send(here, admin, Optional.empty(), file("team.md", LIST));
        Response nothingNew = send(here, admin, Optional.empty(), file("covered.md", "1. What is dropout, and why does it reduce overfitting?\n"));
        assertThat(core.text(nothingNew)).contains("Nothing to store");
        assertThat(core.text(core.bot().handleText(here, admin, "/study bank import confirm"))).contains("You have no import waiting");
    }

    @Test
    void aYamlListIsCheckedAsABankFileWithItsOwnLines() {
        String yaml = DecksTest.OWN + """
                  - id: reg-dropout
                    question: Why do teams pair on model reviews?
                    level: basic
                    answer: Two people see more of the pipeline.
                    key_points:
                      - [see more]
                """;
        ImportReport report = ((Reply.ImportChecked) send(here, admin, Optional.empty(), file("own.yaml", yaml)).reply()).report();

        assertThat(report.of(ImportReport.Kind.NEW)).extracting(ImportReport.Entry::line).containsExactly(3);
        assertThat(report.of(ImportReport.Kind.PROBLEM)).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(15);
            assertThat(e.problem()).hasValueSatisfying(p -> assertThat(p).contains("the id 'reg-dropout' is taken"));
        });
        assertThat(core.text(core.bot().handleText(here, admin, "/study bank import confirm"))).contains("Stored 1 question in deck imported: team-review");
    }

    @Test
    void badFilesGetAClearRefusalAndNothingIsKept() {
        assertThat(core.text(send(here, admin, Optional.empty(), file("notes.pdf", LIST)))).contains("'notes.pdf' is not a question list",
                ".md, .markdown, .yaml, .yml, .txt");
        AtomicInteger reads = new AtomicInteger();
        Upload huge = new Upload("big.md", 5L * 1024 * 1024, limit -> {
            reads.incrementAndGet();
            return new byte[0];
        });
        assertThat(core.text(send(here, admin, Optional.empty(), huge))).contains("'big.md' is 5 MB; a list may be at most 1 MB");
        assertThat(reads).as("a declared size over the limit is refused before downloading").hasValue(0);
        byte[] undeclared = new byte[(int) ChatImport.MAX_BYTES + 10];
        Arrays.fill(undeclared, (byte) 'a');
        assertThat(core.text(send(here, admin, Optional.empty(), new Upload("big.md", -1, limit -> Arrays.copyOf(undeclared, (int) limit + 1)))))
                .contains("'big.md' is larger than 1 MB");
        assertThat(core.text(send(here, admin, Optional.empty(), file("nul.md", new byte[] {'a', 0, 'b'})))).contains("not text (it holds NUL bytes)");
        assertThat(core.text(send(here, admin, Optional.empty(), file("latin.md", new byte[] {'c', 'a', 'f', (byte) 0xE9, '?'}))))
                .contains("not text (it is not valid UTF-8)");
        assertThat(core.text(send(here, admin, Optional.empty(), file("notes.md", "# Release notes\n\nThis release is faster.\n"))))
                .contains("notes.md: not a question list");
        assertThat(core.text(send(here, admin, Optional.empty(), new Upload("gone.md", 10, limit -> {
            throw new IOException("connection reset");
        })))).contains("'gone.md' could not be downloaded");
        assertThat(core.text(send(here, admin, Optional.of("builtin"), file("team.md", LIST)))).contains("built-in bank");

        assertThat(core.text(core.bot().handleText(here, admin, "/study bank import confirm"))).contains("You have no import waiting");
    }

    @Test
    void onlyAdminsImportAndConfirm() {
        Actor member = Actor.member("M1", "Max");
        Response refused = send(here, member, Optional.empty(), file("team.md", LIST));
        assertThat(refused.ephemeral()).isTrue();
        assertThat(core.text(refused)).contains("Only admins can do that");
        assertThat(core.text(core.bot().handleText(here, member, "/study bank import confirm"))).contains("Only admins can do that");

        send(here, admin, Optional.empty(), file("team.md", LIST));
        Actor otherAdmin = new Actor("A2", "Bea", true, Set.of());
        assertThat(core.text(core.bot().handleText(here, otherAdmin, "/study bank import confirm"))).as("each admin confirms their own")
                .contains("You have no import waiting");
    }

    @Test
    void withoutAFileTheBotSaysHowToSendOne() {
        assertThat(core.text(core.bot().handleText(here, admin, "/study bank import"))).contains("direct message", "1 MB", "Nothing is stored until you confirm");
    }

    @Test
    void anotherWorkspaceNeitherSeesNorConfirmsTheImport() {
        send(here, admin, Optional.empty(), file("team.md", LIST));
        ChannelRef theirs = MemoryCore.channel("T-OTHER", "study");
        assertThat(core.text(core.bot().handleText(theirs, admin, "/study bank import confirm"))).contains("You have no import waiting");
        assertThat(core.decks().decks(theirs.workspaceRef())).extracting(Reply.DeckList.DeckLine::name).containsExactly(Decks.BUILT_IN);
        assertThat(core.text(core.bot().handleText(here, admin, "/study bank import confirm"))).startsWith("Stored 2 questions");
    }
}
