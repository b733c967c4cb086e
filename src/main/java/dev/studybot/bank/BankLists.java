package dev.studybot.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bank folder's two lists beside its questions: {@code topics.yaml} and {@code synonyms.yaml}. */
final class BankLists {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** {@code synonyms.yaml}: groups of spellings that mean the same ({@code - [batch normalization, batch norm, batchnorm, bn]}). */
    List<List<String>> synonyms(Path file, List<Problem> problems) {
        try {
            SynonymList list = yaml.readValue(Files.readString(file, StandardCharsets.UTF_8), SynonymList.class);
            if (list == null || list.synonyms() == null) {
                problems.add(new Problem(file.toString(), 1, "expected 'synonyms:' with groups of spellings that mean the same"));
                return List.of();
            }
            return list.synonyms().stream().filter(g -> g != null && g.size() > 1)
                    .map(g -> g.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList()).toList();
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file.toString(), BankReader.line(e.getLocation(), 1), "YAML syntax: " + e.getOriginalMessage().lines().findFirst().orElse("")));
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), 0, "cannot read: " + e.getMessage()));
        }
        return List.of();
    }

    List<String> topics(Path file, List<Problem> problems) {
        try {
            TopicList list = yaml.readValue(Files.readString(file, StandardCharsets.UTF_8), TopicList.class);
            if (list == null || list.topics() == null || list.topics().isEmpty()) {
                problems.add(new Problem(file.toString(), 1, "expected 'topics:' with the list of the bank's topics"));
                return List.of();
            }
            return list.topics().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file.toString(), BankReader.line(e.getLocation(), 1), "YAML syntax: " + e.getOriginalMessage().lines().findFirst().orElse("")));
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), 0, "cannot read: " + e.getMessage()));
        }
        return List.of();
    }

    /** {@code synonyms.yaml}: groups of spellings, the first the group's name. */
    private record SynonymList(List<List<String>> synonyms) {
    }

    /** {@code topics.yaml}: the names every question file's {@code topic:} must be one of. */
    private record TopicList(List<String> topics) {
    }
}
