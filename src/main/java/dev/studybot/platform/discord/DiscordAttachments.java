package dev.studybot.platform.discord;

import dev.studybot.domain.Upload;
import dev.studybot.port.in.Action;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.SlashCommandInteraction;

/**
 * A file attached to {@code /study bank import} (the {@code file} attachment option), handed to the
 * core as an {@link Upload}: its name and the size Discord declares, and a download from Discord's
 * CDN through JDA's own HTTP client that stops one byte past the core's limit.
 */
final class DiscordAttachments {
    static final String OPTION = "file";
    private static final long DOWNLOAD_SECONDS = 30;

    private DiscordAttachments() {
    }

    /** The action with the attached file, when it is an import that has one. */
    static Action withFile(Action action, SlashCommandInteraction event) {
        OptionMapping option = event.getOption(OPTION);
        if (!(action instanceof Action.BankImport bankImport) || option == null) {
            return action;
        }
        Message.Attachment file = option.getAsAttachment();
        return bankImport.withFile(new Upload(file.getFileName(), file.getSize(), limit -> download(file, limit)));
    }

    private static byte[] download(Message.Attachment file, long limit) throws IOException {
        try (InputStream in = file.getProxy().download().get(DOWNLOAD_SECONDS, TimeUnit.SECONDS)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("download of " + file.getFileName() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + file.getFileName() + " interrupted", e);
        }
    }
}
