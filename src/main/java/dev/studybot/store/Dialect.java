package dev.studybot.store;

import java.sql.SQLException;
import java.util.Set;

/** What differs between the databases studybot runs on; everything else is shared SQL. */
public interface Dialect {
    /** A short name for logs and pool names: "sqlite", "postgresql". */
    String name();

    /** Flyway's migration folder for this database. */
    String migrations();

    /** Whether the failure was a lock held past the busy timeout, which a retry may get past. */
    boolean isBusy(SQLException e);

    /** Whether the failure was a row whose key another writer took first (a unique or primary key). */
    boolean isTaken(SQLException e);

    /** What a SELECT ends with to lock the rows it reads, skipping rows another transaction holds; empty where one writer is all there is. */
    default String lockSkippingLocked() {
        return "";
    }

    Dialect SQLITE = new Dialect() {
        @Override
        public String name() {
            return "sqlite";
        }

        @Override
        public String migrations() {
            return "classpath:db/migration/sqlite";
        }

        @Override
        public boolean isBusy(SQLException e) {
            int code = e.getErrorCode() & 0xff;
            return code == 5 || code == 6 || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
        }

        @Override
        public boolean isTaken(SQLException e) {
            // SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE
            return e.getErrorCode() == 1555 || e.getErrorCode() == 2067 || String.valueOf(e.getMessage()).contains("SQLITE_CONSTRAINT_PRIMARYKEY");
        }

        @Override
        public String toString() {
            return name();
        }
    };

    Dialect POSTGRESQL = new Dialect() {
        /** serialization_failure, deadlock_detected, lock_not_available: a retry may get past them. */
        private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "55P03");

        @Override
        public String name() {
            return "postgresql";
        }

        @Override
        public String migrations() {
            return "classpath:db/migration/postgresql";
        }

        @Override
        public String lockSkippingLocked() {
            return " FOR UPDATE SKIP LOCKED";
        }

        @Override
        public boolean isBusy(SQLException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException s && s.getSQLState() != null && RETRYABLE.contains(s.getSQLState())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean isTaken(SQLException e) {
            // unique_violation
            return "23505".equals(e.getSQLState());
        }

        @Override
        public String toString() {
            return name();
        }
    };
}
