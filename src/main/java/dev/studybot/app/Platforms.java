package dev.studybot.app;

import dev.studybot.port.out.ChatPlatform;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The running chat adapters by name, so a scheduled post finds the platform of its channel. */
public final class Platforms {
    private final Map<String, ChatPlatform> byName = new ConcurrentHashMap<>();

    public void register(ChatPlatform platform) {
        byName.put(platform.name(), platform);
    }

    /** The platforms this node can post to now. */
    public java.util.Set<String> ready() {
        return byName.values().stream().filter(ChatPlatform::ready).map(ChatPlatform::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public Optional<ChatPlatform> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
