package dev.studybot.bank;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A question as written in a bank file; checked and turned into a model question by {@link BankReader}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "question", "level", "options", "answer", "rubric", "key_points", "tags", "needs_answer"})
public record QuestionEntry(String id, String question, String level, List<String> options, String answer, List<RubricEntry> rubric,
                            @JsonProperty("key_points") List<List<String>> keyPoints, List<String> tags,
                            @JsonProperty("needs_answer") Boolean needsAnswer) {
}
