package dev.studybot.port.platform;

import java.util.List;

/**
 * A chat platform as a plug-in, found by {@link java.util.ServiceLoader}: its name, the config
 * section it reads, the secrets it needs, when it starts and how it stops. Adding a platform is a
 * new package with one of these and a line in
 * {@code META-INF/services/dev.studybot.port.platform.PlatformModule}; nothing else changes.
 *
 * @param <C> the record its config section binds to ({@code NAME:} in {@code studybot.yaml}, keys
 *            in kebab-case, each overridable by {@code STUDYBOT_NAME_KEY}); validate in its compact
 *            constructor, throwing {@link IllegalArgumentException} with the key's name
 */
public interface PlatformModule<C extends Record> {

    /** Lower-case name: the config section, the {@code adapters.NAME} switch, and {@code ChannelRef.platform()}. */
    String name();

    /** The record type of this platform's config section. */
    Class<C> configType();

    /** The environment variables this platform reads its tokens from; only these reach {@link Secrets}. */
    List<String> secretNames();

    /** When {@code adapters.NAME} is {@code auto}: whether these secrets are enough to start. */
    boolean hasCredentials(Secrets secrets);

    /**
     * A local platform (the console) starts on {@code auto} only when no networked one does; it
     * reads standard input, so it runs in the foreground and its end stops the bot.
     */
    default boolean local() {
        return false;
    }

    /**
     * Connects to the platform and starts taking commands; throws with a one-line reason when it
     * cannot (a refused token, an unreachable API). The core is ready: posts may go out at once.
     */
    Running start(C config, PlatformContext context) throws Exception;

    /** The modules on the class path, by name. */
    static List<PlatformModule<?>> installed() {
        List<PlatformModule<?>> modules = new java.util.ArrayList<>();
        java.util.ServiceLoader.load(PlatformModule.class).forEach(m -> modules.add((PlatformModule<?>) m));
        modules.sort(java.util.Comparator.comparing(PlatformModule::name));
        return List.copyOf(modules);
    }
}
