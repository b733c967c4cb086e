package dev.studybot.store;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Post;
import dev.studybot.port.out.PostStore;
import dev.studybot.port.out.PostedMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Posts in portable SQL; the unique (workspace, channel, slot) key keeps a slot to one post. */
public final class SqlPostStore implements PostStore {
    private static final String COLUMNS = "id, workspace, channel, address, question_id, slot, posted_at, message_ref, thread_ref, closed_at";
    private final Jdbc jdbc;

    public SqlPostStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Post> reserve(ChannelRef channel, String questionId, int cycle, Instant slot, Instant postedAt, Instant closesAt) {
        Optional<Long> id = jdbc.one("INSERT INTO posts (workspace, channel, address, question_id, cycle, slot, posted_at, closes_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace, channel, slot) DO NOTHING RETURNING id",
                rs -> rs.getLong(1), channel.workspaceRef().key(), channel.channel(), channel.address().orElse(null), questionId, cycle,
                slot.toEpochMilli(), postedAt.toEpochMilli(), Keys.millis(closesAt));
        return id.map(i -> new Post(i, channel, questionId, slot, postedAt, null, null, null));
    }

    @Override
    public Optional<Post> unsent(ChannelRef channel, Instant slot) {
        return jdbc.one("SELECT " + COLUMNS + " FROM posts WHERE workspace = ? AND channel = ? AND slot = ? AND message_ref IS NULL",
                SqlPostStore::post, channel.workspaceRef().key(), channel.channel(), slot.toEpochMilli());
    }

    @Override
    public void release(long postId) {
        // an undelivered post cannot have answers yet
        jdbc.update("DELETE FROM posts WHERE id = ? AND message_ref IS NULL", postId);
    }

    @Override
    public void attach(long postId, PostedMessage message) {
        jdbc.update("UPDATE posts SET message_ref = ?, thread_ref = ? WHERE id = ?",
                message.messageRef(), message.threadRef().orElse(null), postId);
    }

    @Override
    public boolean close(long postId, Instant at) {
        return 1 == jdbc.update("UPDATE posts SET closed_at = ? WHERE id = ? AND closed_at IS NULL", at.toEpochMilli(), postId);
    }

    @Override
    public Optional<Post> byId(long postId) {
        return jdbc.one("SELECT " + COLUMNS + " FROM posts WHERE id = ?", SqlPostStore::post, postId);
    }

    @Override
    public Optional<Post> open(ChannelRef channel) {
        return jdbc.one("SELECT " + COLUMNS + " FROM posts WHERE workspace = ? AND channel = ? AND closed_at IS NULL "
                + "AND message_ref IS NOT NULL ORDER BY id DESC LIMIT 1", SqlPostStore::post, channel.workspaceRef().key(), channel.channel());
    }

    @Override
    public Optional<Post> latest(ChannelRef channel) {
        return jdbc.one("SELECT " + COLUMNS + " FROM posts WHERE workspace = ? AND channel = ? AND message_ref IS NOT NULL "
                + "ORDER BY id DESC LIMIT 1", SqlPostStore::post, channel.workspaceRef().key(), channel.channel());
    }

    @Override
    public List<Post> dueToClose(Instant now) {
        return jdbc.list("SELECT " + COLUMNS + " FROM posts WHERE closed_at IS NULL AND closes_at IS NOT NULL AND closes_at <= ? "
                + "ORDER BY id", SqlPostStore::post, now.toEpochMilli());
    }

    @Override
    public int currentCycle(ChannelRef channel) {
        return jdbc.one("SELECT COALESCE(MAX(cycle), 0) FROM posts WHERE workspace = ? AND channel = ?",
                rs -> rs.getInt(1), channel.workspaceRef().key(), channel.channel()).orElse(0);
    }

    @Override
    public Set<String> questionsInCycle(ChannelRef channel, int cycle) {
        return new HashSet<>(jdbc.list("SELECT question_id FROM posts WHERE workspace = ? AND channel = ? AND cycle = ?",
                rs -> rs.getString(1), channel.workspaceRef().key(), channel.channel(), cycle));
    }

    @Override
    public List<Long> recent(ChannelRef channel, int limit) {
        return jdbc.list("SELECT id FROM posts WHERE workspace = ? AND channel = ? AND message_ref IS NOT NULL ORDER BY id DESC LIMIT ?",
                rs -> rs.getLong(1), channel.workspaceRef().key(), channel.channel(), limit);
    }

    private static Post post(ResultSet rs) throws SQLException {
        return new Post(rs.getLong("id"), Keys.channel(rs.getString("workspace"), rs.getString("channel"))
                .withAddress(Optional.ofNullable(rs.getString("address"))),
                rs.getString("question_id"), Keys.instant(rs.getLong("slot")), Keys.instant(rs.getLong("posted_at")),
                rs.getString("message_ref"), rs.getString("thread_ref"), Keys.instant(Jdbc.longOrNull(rs, "closed_at")));
    }
}
