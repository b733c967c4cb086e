package dev.studybot.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A topic and how many questions it has per level. */
public record TopicCount(String topic, int basic, int intermediate, int advanced) {
    public int total() {
        return basic + intermediate + advanced;
    }

    /** The questions counted by topic and level, topics in alphabetical order ignoring case. */
    public static List<TopicCount> of(List<Question> questions) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        questions.stream().sorted((a, b) -> a.topic().compareToIgnoreCase(b.topic()))
                .forEach(q -> counts.computeIfAbsent(q.topic(), t -> new int[3])[q.level().ordinal()]++);
        List<TopicCount> list = new ArrayList<>();
        counts.forEach((t, c) -> list.add(new TopicCount(t, c[Level.BASIC.ordinal()], c[Level.INTERMEDIATE.ordinal()], c[Level.ADVANCED.ordinal()])));
        return List.copyOf(list);
    }
}
