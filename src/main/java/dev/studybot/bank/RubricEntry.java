package dev.studybot.bank;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One claim of a question's rubric as written in a bank file. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"claim", "subject", "weight", "phrasings", "misconceptions"})
public record RubricEntry(String claim, String subject, String weight, List<String> phrasings, List<String> misconceptions) {
}
