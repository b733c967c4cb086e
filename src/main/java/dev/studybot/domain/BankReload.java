package dev.studybot.domain;

import java.util.List;

/**
 * One reading of the question folder: how many questions and topics are live after it, which ids
 * came, changed or went, each problem as {@code file:line: problem}, and the files whose last good
 * version stayed live because the new one has problems. {@code applied} is false when nothing was
 * changed at all (the folder holds no question any more).
 */
public record BankReload(boolean applied, int questions, int topics, List<String> added, List<String> changed, List<String> removed,
                         List<String> problems, List<String> kept) {
    public BankReload {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
        kept = List.copyOf(kept);
    }
}
