package dev.studybot.platform.echo;

import dev.studybot.port.platform.PlatformContext;
import dev.studybot.port.platform.PlatformModule;
import dev.studybot.port.platform.Running;
import dev.studybot.port.platform.Secrets;
import java.util.List;

/**
 * A sketch of a fourth platform, to show that one plugs in with no edit outside its package: it
 * starts when {@code ECHO_TOKEN} is set and keeps what the core says in memory.
 */
public final class EchoModule implements PlatformModule<EchoConfig> {
    public static final String TOKEN = "ECHO_TOKEN";

    @Override
    public String name() {
        return EchoPlatform.NAME;
    }

    @Override
    public Class<EchoConfig> configType() {
        return EchoConfig.class;
    }

    @Override
    public List<String> secretNames() {
        return List.of(TOKEN);
    }

    @Override
    public boolean hasCredentials(Secrets secrets) {
        return secrets.has(TOKEN);
    }

    @Override
    public Running start(EchoConfig config, PlatformContext context) {
        EchoPlatform platform = new EchoPlatform(context.commands());
        return Running.of(platform, platform::close);
    }
}
