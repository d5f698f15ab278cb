package app.khobor.chat;

import app.khobor.db.Engine;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Command tests whose commands store what they change: each runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Engine.class)
abstract class CommandsOnBothEnginesTestBase extends CommandsTestBase {
    @Parameter
    Engine engine;

    @Override
    Engine engine() {
        return engine;
    }
}
