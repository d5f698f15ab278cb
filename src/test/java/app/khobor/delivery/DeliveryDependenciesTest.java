package app.khobor.delivery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Delivery defines what it needs (Audience, ChatEvents, BotApi, PushFormatter); chat and telegram adapt to it. */
class DeliveryDependenciesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.khobor");

    @Test
    void delivery_knows_nothing_of_chats_or_telegrambots() {
        noClasses().that().resideInAPackage("app.khobor.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.khobor.chat..", "app.khobor.telegram..", "org.telegram..", "okhttp3..")
                .check(MAIN);
    }
}
