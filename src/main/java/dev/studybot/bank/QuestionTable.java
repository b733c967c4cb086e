package dev.studybot.bank;

import dev.studybot.domain.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;

/**
 * The questions of a GFM table: the column headed "Question" (or "Prompt"), else the first
 * column when most of its cells ask; the level from a "Level" or "Difficulty" column, the answer
 * from an "Answer" or "Model answer" column. A table without such a column holds no questions.
 */
final class QuestionTable {
    private static final Pattern QUESTION_HEADER = Pattern.compile("(?i)^\\W*(questions?|q|prompts?|interview questions?)\\W*$");
    private static final Pattern ANSWER_HEADER = Pattern.compile("(?i)^\\W*((model|short|sample|expected) )?(answers?|solutions?|explanations?)\\W*$");
    private static final Pattern LEVEL_HEADER = Pattern.compile("(?i)^\\W*(level|difficulty)\\W*$");

    /** One row's question, where it is (0-based line), the level it names and its answer ("" when none). */
    record Row(int line, String question, Optional<Level> level, String answer) {
    }

    private QuestionTable() {
    }

    static List<Row> rows(TableBlock table) {
        List<String> header = new ArrayList<>();
        List<TableRow> body = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (section instanceof TableHead && row instanceof TableRow r) {
                    header = cells(r);
                } else if (section instanceof TableBody && row instanceof TableRow r) {
                    body.add(r);
                }
            }
        }
        int question = column(header, QUESTION_HEADER);
        if (question < 0 && !header.isEmpty()) {
            long asking = body.stream().map(QuestionTable::cells).filter(cs -> !cs.isEmpty() && HeadingPlan.asks(cs.get(0))).count();
            question = !body.isEmpty() && asking * 2 >= body.size() ? 0 : -1;
        }
        if (question < 0) {
            return List.of();
        }
        int answer = column(header, ANSWER_HEADER);
        int level = column(header, LEVEL_HEADER);
        List<Row> out = new ArrayList<>();
        for (TableRow row : body) {
            List<String> cs = cells(row);
            if (question >= cs.size() || cs.get(question).isBlank()) {
                continue;
            }
            Optional<Level> named = level >= 0 && level < cs.size() ? QuestionShape.levelCell(cs.get(level)) : Optional.empty();
            out.add(new Row(SourceText.first(row), cs.get(question), named, answer >= 0 && answer < cs.size() ? cs.get(answer) : ""));
        }
        return out;
    }

    private static int column(List<String> header, Pattern name) {
        for (int c = 0; c < header.size(); c++) {
            if (name.matcher(header.get(c)).matches()) {
                return c;
            }
        }
        return -1;
    }

    private static List<String> cells(TableRow row) {
        List<String> out = new ArrayList<>();
        for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof TableCell cell) {
                out.add(SourceText.inlineText(cell).strip());
            }
        }
        return out;
    }
}
