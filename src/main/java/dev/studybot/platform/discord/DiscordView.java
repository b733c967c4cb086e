package dev.studybot.platform.discord;

import dev.studybot.domain.Attachment;
import dev.studybot.domain.Picture;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * A reply as Discord structure: embeds (split to Discord's limits), button rows, for an answer
 * form the modal to open, and a picture attached to the last message with its alt text as the
 * attachment's description. Every message built from it allows no mentions at all.
 */
record DiscordView(List<MessageEmbed> embeds, List<ActionRow> rows, Optional<Modal> modal, Optional<Picture> picture,
                   Optional<Attachment> file) {
    /** Discord's cap on the text of all embeds of one message, and on embeds per message. */
    static final int MESSAGE_TEXT_LIMIT = 6000;
    static final int EMBEDS_PER_MESSAGE = 10;
    /** Discord's cap on an attachment's description (its alt text). */
    static final int DESCRIPTION_LIMIT = 1024;
    private static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

    DiscordView {
        embeds = List.copyOf(embeds);
        rows = List.copyOf(rows);
    }

    DiscordView(List<MessageEmbed> embeds, List<ActionRow> rows, Optional<Modal> modal) {
        this(embeds, rows, modal, Optional.empty());
    }

    DiscordView(List<MessageEmbed> embeds, List<ActionRow> rows, Optional<Modal> modal, Optional<Picture> picture) {
        this(embeds, rows, modal, picture, Optional.empty());
    }

    /** The same view without its picture: what is sent where attaching files is not allowed. */
    DiscordView withoutPicture() {
        return new DiscordView(embeds, rows, modal, Optional.empty(), file);
    }

    /** The view as one or more messages; buttons go on the first. */
    List<MessageCreateData> messages() {
        List<MessageCreateData> out = new ArrayList<>();
        List<List<MessageEmbed>> pages = pages();
        for (int i = 0; i < pages.size(); i++) {
            MessageCreateBuilder b = new MessageCreateBuilder().setEmbeds(pages.get(i))
                    .setAllowedMentions(NO_MENTIONS).mentionRepliedUser(false);
            if (i == 0) {
                b.setComponents(rows);
            }
            if (i == pages.size() - 1) {
                picture.ifPresent(p -> b.setFiles(FileUpload.fromData(p.png(), p.fileName())
                        .setDescription(DiscordRenderer.shorten(p.altText(), DESCRIPTION_LIMIT))));
                file.ifPresent(f -> b.addFiles(FileUpload.fromData(f.content(), f.fileName())));
            }
            out.add(b.build());
        }
        return out;
    }

    /** The first message as an edit (of a deferred reply). */
    MessageEditData firstAsEdit() {
        return MessageEditBuilder.fromCreateData(messages().get(0)).setAllowedMentions(NO_MENTIONS).mentionRepliedUser(false).build();
    }

    private List<List<MessageEmbed>> pages() {
        List<List<MessageEmbed>> pages = new ArrayList<>();
        List<MessageEmbed> page = new ArrayList<>();
        int length = 0;
        for (MessageEmbed embed : embeds) {
            if (!page.isEmpty() && (length + embed.getLength() > MESSAGE_TEXT_LIMIT || page.size() == EMBEDS_PER_MESSAGE)) {
                pages.add(page);
                page = new ArrayList<>();
                length = 0;
            }
            page.add(embed);
            length += embed.getLength();
        }
        pages.add(page);
        return pages;
    }
}
