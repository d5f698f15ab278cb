package app.khobor.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection. */
@FunctionalInterface
public interface SqlFunction<T> {
    T apply(Connection connection) throws SQLException;
}
