package dev.studybot.app;

import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Level;
import dev.studybot.domain.Question;
import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.QuestionDraft.Field;
import dev.studybot.domain.Reply.QuestionForm.FormProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The question form as text and back. A claim is one line:
 * {@code [core:|detail:] CLAIM | PHRASING; PHRASING [| wrong: MISCONCEPTION; ...] [| hint: SUBJECT]}
 * (core when not marked). The details field holds {@code level: basic}, {@code id: my-id} and
 * {@code tags: a, b}, one a line or separated by {@code ;}; a bare level word is the level too.
 * Only the form's own syntax is checked here; everything else is the bank's check, on the YAML
 * the question becomes.
 */
final class QuestionForms {
    private static final Pattern WEIGHT = Pattern.compile("(?i)^(core|detail)\\s*:\\s*");
    private static final Pattern KEY = Pattern.compile("(?i)^([a-z_]+)\\s*[:=]\\s*(.*)$");
    private static final Pattern LOCATED = Pattern.compile("^[^:]*:(\\d+): (.*)$", Pattern.DOTALL);
    private static final Pattern UNLOCATED = Pattern.compile("^[^:]*: (.*)$", Pattern.DOTALL);
    private static final Pattern YAML_KEY = Pattern.compile("^\\s*(?:-\\s+)?([a-z_]+):(?:\\s|$)");
    static final String FORM = "form";

    private QuestionForms() {
    }

    /** What the form says: the question it makes, or the problems of its own syntax. */
    record Read(Optional<Question> question, List<FormProblem> problems) {
    }

    /**
     * The question a draft describes; {@code newId} makes an id from the question's words when
     * the draft names none.
     */
    static Read read(QuestionDraft draft, Function<String, String> newId) {
        List<FormProblem> problems = new ArrayList<>();
        String text = draft.question().strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            problems.add(new FormProblem(Field.QUESTION, "Write the question."));
        }
        String topic = draft.topic().strip();
        if (topic.isEmpty()) {
            problems.add(new FormProblem(Field.TOPIC, "Name the question's topic (see /study topics)."));
        }
        List<KeyPoint> claims = claims(draft.claims(), problems);
        Optional<Level> level = Optional.empty();
        Optional<String> id = Optional.empty();
        List<String> tags = List.of();
        for (String part : draft.details().split("[\\n;]")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            Matcher kv = KEY.matcher(p);
            String key = kv.matches() ? kv.group(1).toLowerCase(Locale.ROOT) : "";
            String value = kv.matches() ? kv.group(2).strip() : p;
            switch (key) {
                case "level", "" -> {
                    level = Level.parse(value);
                    if (level.isEmpty()) {
                        problems.add(new FormProblem(Field.DETAILS, "'" + Texts.shorten(value, 40)
                                + "' is not a level: write level: basic, intermediate or advanced."));
                    }
                }
                case "id" -> id = Optional.of(value).filter(v -> !v.isEmpty());
                case "tags", "tag" -> tags = Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
                default -> problems.add(new FormProblem(Field.DETAILS, "Unknown detail '" + Texts.shorten(key, 20)
                        + "': write level: ..., id: ... and tags: ..., one a line."));
            }
        }
        if (level.isEmpty() && problems.stream().noneMatch(p -> p.field() == Field.DETAILS)) {
            problems.add(new FormProblem(Field.DETAILS, "Give the level: level: basic, intermediate or advanced."));
        }
        if (draft.editing().isPresent() && id.isPresent() && !id.get().equalsIgnoreCase(draft.editing().get())) {
            problems.add(new FormProblem(Field.DETAILS, "A question's id never changes (history and points refer to it): keep id: "
                    + draft.editing().get() + ", or add the question anew with /study question add."));
        }
        if (!problems.isEmpty()) {
            return new Read(Optional.empty(), problems);
        }
        Optional<String> given = id;
        String madeId = draft.editing().or(() -> given).orElseGet(() -> newId.apply(text));
        return new Read(Optional.of(new Question(madeId, topic, level.get(), text, draft.answer().strip(), claims, tags)), List.of());
    }

    private static List<KeyPoint> claims(String typed, List<FormProblem> problems) {
        List<KeyPoint> out = new ArrayList<>();
        String[] lines = typed.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "Claim line " + (i + 1) + " ('" + Texts.shorten(line, 30) + "')";
            KeyPoint.Weight weight = KeyPoint.Weight.CORE;
            Matcher w = WEIGHT.matcher(line);
            if (w.find()) {
                weight = KeyPoint.Weight.parse(w.group(1)).orElseThrow();
                line = line.substring(w.end());
            }
            String[] parts = line.split("\\|");
            if (parts.length < 2 || parts[1].isBlank()) {
                problems.add(new FormProblem(Field.CLAIMS, where + " needs its phrasings after a |: CLAIM | phrasing; phrasing."));
                continue;
            }
            List<String> phrasings = list(parts[1]);
            List<String> wrong = new ArrayList<>();
            String subject = null;
            for (int p = 2; p < parts.length; p++) {
                Matcher kv = KEY.matcher(parts[p].strip());
                String key = kv.matches() ? kv.group(1).toLowerCase(Locale.ROOT) : "";
                if (key.equals("wrong") || key.equals("not")) {
                    wrong.addAll(list(kv.group(2)));
                } else if (key.equals("hint")) {
                    subject = kv.group(2).strip();
                } else {
                    problems.add(new FormProblem(Field.CLAIMS, where + ": after the phrasings come 'wrong: ...' (misconceptions) "
                            + "and 'hint: ...' (what the claim is about) only."));
                }
            }
            out.add(new KeyPoint(parts[0].strip(), subject, weight, phrasings, wrong));
        }
        if (out.isEmpty() && problems.stream().noneMatch(p -> p.field() == Field.CLAIMS)) {
            problems.add(new FormProblem(Field.CLAIMS, "Give at least one claim the answer makes, one a line: CLAIM | phrasing; phrasing."));
        }
        return out;
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A question as the form shows it, for editing. */
    static QuestionDraft fill(Question q, String deck) {
        String claims = q.keyPoints().stream().map(k -> (k.weight() == KeyPoint.Weight.DETAIL ? "detail: " : "")
                + k.claim() + " | " + String.join("; ", k.phrasings())
                + (k.misconceptions().isEmpty() ? "" : " | wrong: " + String.join("; ", k.misconceptions()))
                + (k.subject().equals(k.phrasings().get(0)) ? "" : " | hint: " + k.subject()))
                .collect(Collectors.joining("\n"));
        String details = "level: " + q.level().label() + "\nid: " + q.id() + (q.tags().isEmpty() ? "" : "\ntags: " + String.join(", ", q.tags()));
        return new QuestionDraft(deck, Optional.of(q.id()), q.text(), q.answer(), claims, q.topic(), details);
    }

    /**
     * The bank check's problems ({@code form:LINE: problem}) on the form's fields: by what the
     * problem is about, else by the YAML key the line belongs to.
     */
    static List<FormProblem> onFields(List<String> problems, String yaml) {
        List<String> lines = yaml.lines().toList();
        List<FormProblem> out = new ArrayList<>();
        for (String problem : problems) {
            Matcher located = LOCATED.matcher(problem);
            Matcher unlocated = UNLOCATED.matcher(problem);
            int line = located.matches() ? Integer.parseInt(located.group(1)) : 0;
            String text = located.matches() ? located.group(2) : unlocated.matches() ? unlocated.group(1) : problem;
            out.add(new FormProblem(field(text).orElseGet(() -> byLine(lines, line)), capitalised(text)));
        }
        return out;
    }

    private static Optional<Field> field(String problem) {
        String p = problem.toLowerCase(Locale.ROOT);
        if (p.contains("the id '") || p.contains("no question '") || p.contains("without an 'id'")) {
            return Optional.of(Field.DETAILS);
        }
        if (p.contains("has no answer")) {
            return Optional.of(Field.ANSWER);
        }
        if (p.contains("repeats question") || p.contains("asks what") || p.contains("'question' text")) {
            return Optional.of(Field.QUESTION);
        }
        if (p.contains("key point") || p.contains("claim") || p.contains("phrasing") || p.contains("misconception") || p.contains("subject")) {
            return Optional.of(Field.CLAIMS);
        }
        if (p.contains("topic")) {
            return Optional.of(Field.TOPIC);
        }
        if (p.contains("level")) {
            return Optional.of(Field.DETAILS);
        }
        return Optional.empty();
    }

    private static Field byLine(List<String> lines, int line) {
        for (int i = Math.min(line, lines.size()) - 1; i >= 0; i--) {
            Matcher key = YAML_KEY.matcher(lines.get(i));
            if (key.find()) {
                switch (key.group(1)) {
                    case "topic":
                        return Field.TOPIC;
                    case "answer":
                        return Field.ANSWER;
                    case "id", "level", "tags":
                        return Field.DETAILS;
                    case "rubric", "key_points", "claim", "subject", "weight", "phrasings", "misconceptions":
                        return Field.CLAIMS;
                    case "question", "questions":
                        return Field.QUESTION;
                    default:
                        break;
                }
            }
        }
        return Field.QUESTION;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
