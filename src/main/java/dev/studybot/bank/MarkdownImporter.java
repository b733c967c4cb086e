package dev.studybot.bank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown list of interview questions as a document: CommonMark's tree (with GFM
 * tables and task lists) after {@link SeedStyle} has turned pasted bullets into Markdown, cut
 * into questions and answers by {@link Segmenter} from the shape of the document (which headings
 * form a numbered series that asks, which lists mostly ask, what follows a bold or labelled
 * question). Question text and answers are taken from the source lines, so LaTeX and code stay
 * exactly as written.
 */
public final class MarkdownImporter {
    private static final Pattern BANK_YAML = Pattern.compile("(?m)^topic\\s*:.*$[\\s\\S]*^questions\\s*:");
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---[ \\t]*\\R(?:[\\w-]+[ \\t]*:.*\\R|[ \\t]+.*\\R|-[ \\t].*\\R|\\R)*?---[ \\t]*(?:\\R|\\z)");
    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create(), TaskListItemsExtension.create()))
            // indented code makes no sense in pasted lists, where indentation is only ever nesting;
            // the order is CommonMark's own (a heading's underline before a thematic break), so it must not be a Set.of
            .enabledBlockTypes(new LinkedHashSet<>(List.of(BlockQuote.class, Heading.class, FencedCodeBlock.class,
                    HtmlBlock.class, ThematicBreak.class, ListBlock.class)))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    public List<ImportedQuestion> importFile(Path file) throws ImportException {
        return read(file).questions();
    }

    /** The questions of one file and the lines it skipped. */
    public ImportedList read(Path file) throws ImportException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(file.toString(), "cannot read: " + e.getMessage());
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new ImportException(file.toString(), "not a text file");
            }
        }
        return readText(file.toString(), TextRepair.decode(bytes));
    }

    /** Imports one file's text; {@code name} is how the questions and errors name the file. */
    public List<ImportedQuestion> importText(String name, String text) throws ImportException {
        return readText(name, text).questions();
    }

    public ImportedList readText(String name, String text) throws ImportException {
        String repaired = TextRepair.repairMojibake(text);
        if (repaired.isBlank()) {
            throw new ImportException(name, "the file is empty");
        }
        if (BANK_YAML.matcher(repaired).find()) {
            throw new ImportException(name, "this is already a bank file (topic: and questions:), not a Markdown list; "
                    + "put it in the question folder and run 'studybot validate'");
        }
        SeedStyle.Result style = SeedStyle.normalize(withoutFrontMatter(repaired));
        ImportedList list = new Segmenter(name, style, parser.parse(style.text())).result();
        if (list.questions().isEmpty()) {
            throw new ImportException(name, "not a question list: found no numbered, bulleted, bold or heading questions "
                    + "(a question ends with '?' or starts like 'What', 'How', 'Explain', 'Describe')");
        }
        return list;
    }

    /** YAML front matter blanked line for line, so that line numbers stay the file's own. */
    private static String withoutFrontMatter(String text) {
        Matcher m = FRONT_MATTER.matcher(text);
        if (!m.find()) {
            return text;
        }
        String blank = m.group().replaceAll("[^\\r\\n]", "");
        return blank + text.substring(m.end());
    }
}
