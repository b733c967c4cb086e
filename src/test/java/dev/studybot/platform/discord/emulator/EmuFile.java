package dev.studybot.platform.discord.emulator;

/**
 * A file a member attaches to a slash command: the emulator's CDN serves {@code bytes}; the
 * interaction declares {@code declaredSize} (the real size unless a test says otherwise).
 */
public record EmuFile(String id, String filename, String contentType, byte[] bytes, long declaredSize) {
}
