package dev.studybot.bank;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A bank file: its topic and questions, as written to YAML by the importer. */
@JsonPropertyOrder({"topic", "questions"})
public record BankFile(String topic, List<QuestionEntry> questions) {
}
