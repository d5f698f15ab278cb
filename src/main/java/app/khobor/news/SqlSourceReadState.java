package app.khobor.news;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import app.khobor.source.Validators;
import java.time.Instant;
import java.util.Optional;

/** {@link SourceReadState} in table {@code source_state} (V1.sql). */
final class SqlSourceReadState implements SourceReadState {
    private final Database db;

    SqlSourceReadState(Database db) {
        this.db = db;
    }

    @Override
    public boolean wasRead(String sourceId) {
        return db.read(c -> Statements.exists(c,
                "SELECT 1 FROM source_state WHERE source_id = ? AND first_read_at IS NOT NULL", sourceId));
    }

    @Override
    public void markRead(String sourceId, Instant at) {
        db.write(c -> Statements.update(c, """
                INSERT INTO source_state (source_id, first_read_at, last_read_at) VALUES (?, ?, ?)
                ON CONFLICT (source_id) DO UPDATE
                SET first_read_at = COALESCE(source_state.first_read_at, excluded.first_read_at), last_read_at = excluded.last_read_at""",
                sourceId, at.toEpochMilli(), at.toEpochMilli()));
    }

    @Override
    public Optional<Validators> validators(String sourceId) {
        return db.read(c -> Statements.first(c, """
                SELECT etag, last_modified FROM source_state
                WHERE source_id = ? AND (etag IS NOT NULL OR last_modified IS NOT NULL)""",
                rs -> new Validators(rs.getString(1), rs.getString(2)), sourceId));
    }

    @Override
    public void saveValidators(String sourceId, Validators validators) {
        db.write(c -> Statements.update(c, """
                INSERT INTO source_state (source_id, etag, last_modified) VALUES (?, ?, ?)
                ON CONFLICT (source_id) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified""",
                sourceId, validators.etag(), validators.lastModified()));
    }
}
