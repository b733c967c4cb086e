package dev.studybot.domain;

/** A topic and how many questions it has per level. */
public record TopicCount(String topic, int basic, int intermediate, int advanced) {
    public int total() {
        return basic + intermediate + advanced;
    }
}
