package dev.studybot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads {@link StudyConfig}: the given file, else {@code config/studybot.yaml}, else the annotated
 * copy built into the jar; then every key may be overridden by {@code STUDYBOT_} + its path in
 * upper case with dots and dashes as underscores ({@code database.path} -> {@code STUDYBOT_DATABASE_PATH}).
 * Lists take comma-separated values.
 */
public final class ConfigLoader {
    public static final Path DEFAULT_FILE = Path.of("config", "studybot.yaml");
    private static final String BUILT_IN = "/dev/studybot/config/studybot.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /** Where the config came from, for the start-up log. */
    public record Loaded(StudyConfig config, String source) {
    }

    public Loaded load(Path file, Map<String, String> env) {
        JsonNode tree;
        String source;
        try {
            if (file != null) {
                if (!Files.isRegularFile(file)) {
                    throw new ConfigException("config file " + file + " does not exist");
                }
                tree = yaml.readTree(file.toFile());
                source = file.toString();
            } else if (Files.isRegularFile(DEFAULT_FILE)) {
                tree = yaml.readTree(DEFAULT_FILE.toFile());
                source = DEFAULT_FILE.toString();
            } else {
                try (InputStream in = ConfigLoader.class.getResourceAsStream(BUILT_IN)) {
                    if (in == null) {
                        throw new ConfigException("no config/studybot.yaml and no built-in config");
                    }
                    tree = yaml.readTree(in);
                }
                source = "built-in defaults";
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException("config is not valid YAML at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read the config: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ConfigException("config must be a YAML mapping of keys");
        }
        applyEnvironment((ObjectNode) tree, "", StudyConfig.class, env);
        return new Loaded(bind(tree), source);
    }

    /** Binds a tree; errors name the key path. */
    StudyConfig bind(JsonNode tree) {
        try {
            return yaml.treeToValue(tree, StudyConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(path(e, e.getPropertyName()) + ": unknown key (known here: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")", e);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException(path(e, null) + ": " + (cause == null ? e.getOriginalMessage() : cause.getMessage()), e);
        } catch (MismatchedInputException e) {
            String message = e.getOriginalMessage();
            if (message.startsWith("Missing") && message.contains("creator property")) {
                String name = message.replaceAll(".*'([^']+)'.*", "$1");
                throw new ConfigException(path(e, name) + ": missing", e);
            }
            throw new ConfigException(path(e, null) + ": " + message.lines().findFirst().orElse(message), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config: " + e.getOriginalMessage(), e);
        }
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e, String leaf) {
        String prefix = e.getPath().stream()
                .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                .collect(Collectors.joining("."));
        if (leaf == null || prefix.endsWith(leaf)) {
            return prefix.isEmpty() ? "config" : prefix;
        }
        return prefix.isEmpty() ? leaf : prefix + "." + leaf;
    }

    /** Walks the config records' keys and writes the matching environment variables into the tree. */
    private void applyEnvironment(ObjectNode node, String prefix, Class<?> type, Map<String, String> env) {
        for (RecordComponent c : type.getRecordComponents()) {
            String key = kebab(c.getName());
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            Class<?> t = c.getType();
            if (t.isRecord()) {
                JsonNode child = node.get(key);
                ObjectNode obj = child instanceof ObjectNode o ? o : null;
                if (obj == null && env.keySet().stream().anyMatch(k -> k.startsWith(envName(path) + "_"))) {
                    obj = node.putObject(key);
                }
                if (obj != null) {
                    applyEnvironment(obj, path, t, env);
                }
                continue;
            }
            String value = env.get(envName(path));
            if (value == null) {
                continue;
            }
            if (List.class.isAssignableFrom(t) && c.getGenericType() instanceof ParameterizedType) {
                ArrayNode array = node.putArray(key);
                Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(array::add);
            } else {
                node.set(key, TextNode.valueOf(value));
            }
        }
    }

    static String envName(String path) {
        return "STUDYBOT_" + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
