package dev.studybot.wiring;

import dev.studybot.port.platform.PlatformModule;
import dev.studybot.port.platform.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which platforms start: each module found on the class path, by {@code adapters.NAME}: {@code on},
 * {@code off}, or {@code auto} (the default for a module the config does not name): a networked
 * platform when its tokens are set, a local one (the console) when no networked one starts.
 */
public final class PlatformChoice {
    private PlatformChoice() {
    }

    /** Every secret any of {@code modules} reads, from {@code env}. */
    public static Secrets secrets(List<PlatformModule<?>> modules, Map<String, String> env) {
        return Secrets.from(env, modules.stream().flatMap(m -> m.secretNames().stream()).toList());
    }

    /** The modules to start, networked ones first; throws with what to set when there is none. */
    public static List<PlatformModule<?>> choose(List<PlatformModule<?>> modules, Map<String, String> adapters, Secrets secrets) {
        List<PlatformModule<?>> chosen = new ArrayList<>();
        for (PlatformModule<?> m : modules) {
            String mode = adapters.getOrDefault(m.name(), "auto");
            if (!m.local() && (mode.equals("on") || mode.equals("auto") && m.hasCredentials(secrets))) {
                chosen.add(m);
            }
        }
        boolean networked = !chosen.isEmpty();
        for (PlatformModule<?> m : modules) {
            String mode = adapters.getOrDefault(m.name(), "auto");
            if (m.local() && (mode.equals("on") || mode.equals("auto") && !networked)) {
                chosen.add(m);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalStateException("no platform to start: set the tokens of one ("
                    + String.join(", ", modules.stream().filter(m -> !m.local()).map(m -> m.name() + ": "
                    + String.join(" + ", m.secretNames())).toList()) + "), or turn a local one on in adapters");
        }
        return List.copyOf(chosen);
    }
}
