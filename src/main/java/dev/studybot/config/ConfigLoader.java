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
import dev.studybot.port.platform.PlatformModule;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

    /** The core's config, each platform's section by platform name, and where it came from (for the start-up log). */
    public record Loaded(StudyConfig config, Map<String, Record> platforms, String source) {
        public Loaded {
            platforms = Map.copyOf(platforms);
        }

        /** The bound section of {@code module}. */
        public <C extends Record> C section(PlatformModule<C> module) {
            return module.configType().cast(platforms.get(module.name()));
        }
    }

    /** The config with the sections of every platform module on the class path. */
    public Loaded load(Path file, Map<String, String> env) {
        return load(file, env, PlatformModule.installed());
    }

    /**
     * The config with a section for each platform module: {@code NAME:} binds to the module's
     * record (an empty section where the file has none), and {@code adapters.NAME} may name only
     * these platforms.
     */
    public Loaded load(Path file, Map<String, String> env, List<? extends PlatformModule<?>> modules) {
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
        ObjectNode root = (ObjectNode) tree;
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        for (PlatformModule<?> module : modules) {
            raw.put(module.name(), root.remove(module.name()));
        }
        applyEnvironment(root, "", StudyConfig.class, env);
        StudyConfig config = bind(root, StudyConfig.class, "");
        Map<String, Record> sections = new LinkedHashMap<>();
        for (PlatformModule<?> module : modules) {
            JsonNode section = raw.get(module.name());
            if (section != null && !section.isObject() && !section.isNull()) {
                throw new ConfigException(module.name() + ": expected the " + module.name() + " platform's keys");
            }
            ObjectNode node = section instanceof ObjectNode o ? o : yaml.createObjectNode();
            applyEnvironment(node, module.name(), module.configType(), env);
            sections.put(module.name(), bind(node, module.configType(), module.name()));
        }
        List<String> names = modules.stream().map(m -> m.name()).toList();
        if (!modules.isEmpty()) {
            for (String name : config.adapters().keySet()) {
                if (!names.contains(name)) {
                    throw new ConfigException("adapters." + name + ": no such platform (known: " + String.join(", ", names) + ")");
                }
            }
        }
        return new Loaded(config, sections, source);
    }

    /** Binds the core's config from a tree; errors name the key path. */
    StudyConfig bind(JsonNode tree) {
        return bind(tree, StudyConfig.class, "");
    }

    /** Binds a tree under {@code prefix} ("" for the root); errors name the key path. */
    private <T> T bind(JsonNode tree, Class<T> type, String prefix) {
        try {
            return yaml.treeToValue(tree, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException ce) {
                throw ce;
            }
            String message = cause == null ? e.getOriginalMessage() : cause.getMessage();
            throw new ConfigException(message != null && message.startsWith(prefix + ".") ? message
                    : join(prefix, path(e, null)) + ": " + message, e);
        } catch (JsonProcessingException e) {
            ConfigException c = translate(e);
            if (prefix.isEmpty()) {
                throw c;
            }
            String message = c.getMessage();
            throw new ConfigException(message.startsWith("config") ? prefix + message.substring("config".length()) : prefix + "." + message, e);
        }
    }

    private static String join(String prefix, String path) {
        return prefix.isEmpty() ? path : path.equals("config") ? prefix : prefix + "." + path;
    }

    private ConfigException translate(JsonProcessingException thrown) {
        try {
            throw thrown;
        } catch (UnrecognizedPropertyException e) {
            return new ConfigException(path(e, e.getPropertyName()) + ": unknown key (known here: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")", e);
        } catch (MismatchedInputException e) {
            String message = e.getOriginalMessage();
            if (message.startsWith("Missing") && message.contains("creator property")) {
                String name = message.replaceAll(".*'([^']+)'.*", "$1");
                return new ConfigException(path(e, name) + ": missing", e);
            }
            return new ConfigException(path(e, null) + ": " + message.lines().findFirst().orElse(message), e);
        } catch (JsonProcessingException e) {
            return new ConfigException("config: " + e.getOriginalMessage(), e);
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
            if (Map.class.isAssignableFrom(t)) {
                // a map of names (adapters.NAME): every variable under the prefix is one entry
                String under = envName(path) + "_";
                env.forEach((k, v) -> {
                    if (k.startsWith(under) && k.length() > under.length()) {
                        JsonNode child = node.get(key);
                        ObjectNode obj = child instanceof ObjectNode o ? o : node.putObject(key);
                        obj.set(k.substring(under.length()).toLowerCase(Locale.ROOT).replace('_', '-'), TextNode.valueOf(v));
                    }
                });
                continue;
            }
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
