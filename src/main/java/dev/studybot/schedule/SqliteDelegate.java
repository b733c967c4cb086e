package dev.studybot.schedule;

import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;

/**
 * Quartz's JDBC delegate for SQLite: sqlite-jdbc has no {@code getBlob}, and the PostgreSQL
 * delegate reads blobs with {@code getBytes}, which SQLite supports; the SQL itself is standard.
 */
public class SqliteDelegate extends PostgreSQLDelegate {
}
