package app.khobor.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC shapes every store needs, so store methods read as SQL plus intent. Every statement and result set is
 * closed here; parameters bind in order, a null as SQL NULL.
 */
public final class Statements {
    /** Turns the current row of a result set into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** The parameters of one row of a batch, in order. */
    @FunctionalInterface
    public interface RowParameters<T> {
        Object[] of(T item);
    }

    /** Rows sent to the database per batch: bounds the driver's memory for a batch of 100k rows. */
    static final int BATCH = 500;

    private Statements() {}

    /** Runs an INSERT, UPDATE, DELETE or DDL statement; returns the rows changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    /** Every row of a query, in the order the query gives. */
    public static <T> List<T> list(Connection c, String sql, RowReader<T> reader, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
            return rows;
        }
    }

    /** The first row of a query, empty when there is none. */
    public static <T> Optional<T> first(Connection c, String sql, RowReader<T> reader, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
        }
    }

    /** True when the query gives at least one row. */
    public static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        return first(c, sql, rs -> true, params).isPresent();
    }

    /** The first column of the first row as a number (a COUNT, a MAX), 0 when there is no row or it is NULL. */
    public static long number(Connection c, String sql, Object... params) throws SQLException {
        return first(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /**
     * Runs {@code sql} once per item, in batches of {@value #BATCH}; returns the rows changed (an unknown count, which
     * some drivers report for a batch, counts as none). Call inside a transaction for all-or-nothing.
     */
    public static <T> int batch(Connection c, String sql, Iterable<T> items, RowParameters<T> parameters)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int changed = 0;
            int pending = 0;
            for (T item : items) {
                bind(s, parameters.of(item));
                s.addBatch();
                if (++pending == BATCH) {
                    changed += sum(s.executeBatch());
                    pending = 0;
                }
            }
            return pending == 0 ? changed : changed + sum(s.executeBatch());
        }
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int x : counts) {
            n += Math.max(x, 0);
        }
        return n;
    }

    /** Binds {@code params} in order; a null binds as SQL NULL. */
    public static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                s.setNull(i + 1, Types.NULL); // untyped: PostgreSQL infers the column's type
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            bind(s, params);
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }
}
