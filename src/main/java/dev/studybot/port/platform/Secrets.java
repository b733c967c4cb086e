package dev.studybot.port.platform;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tokens from environment variables only. {@link #toString()} says which are set, never their
 * values, so a log line or exception that prints this leaks nothing.
 */
public final class Secrets {
    private final Map<String, String> values;

    private Secrets(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The named variables that are set and not blank, from {@code env}. */
    public static Secrets from(Map<String, String> env, Collection<String> names) {
        Map<String, String> kept = new TreeMap<>();
        for (String name : names) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                kept.put(name, v.strip());
            }
        }
        return new Secrets(kept);
    }

    public static Secrets none() {
        return new Secrets(Map.of());
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Only the variables of {@code names}: what one platform may see. */
    public Secrets only(Collection<String> names) {
        return from(values, names);
    }

    @Override
    public String toString() {
        return "Secrets[" + new TreeMap<>(values).keySet().stream().map(k -> k + "=set").collect(Collectors.joining(", ")) + "]";
    }
}
