package dev.studybot.store;

import java.sql.SQLException;

/** What differs between the databases studybot runs on; everything else is shared SQL. */
public interface Dialect {
    /** Flyway's migration folder for this database. */
    String migrations();

    /** Whether the failure was a lock held past the busy timeout, which a retry may get past. */
    boolean isBusy(SQLException e);

    Dialect SQLITE = new Dialect() {
        @Override
        public String migrations() {
            return "classpath:db/migration/sqlite";
        }

        @Override
        public boolean isBusy(SQLException e) {
            int code = e.getErrorCode() & 0xff;
            return code == 5 || code == 6 || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
        }
    };
}
