package app.khobor.news;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Pins the shape of the headline path: source reads and knows nothing of storage; news never reaches delivery. */
class PipelinePackagesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.khobor");

    @Test
    void source_knows_nothing_of_storage_news_chats_or_delivery() {
        noClasses().that().resideInAPackage("app.khobor.source..")
                .should().dependOnClassesThat().resideInAnyPackage("app.khobor.news..", "app.khobor.db..",
                        "app.khobor.chat..", "app.khobor.delivery..", "app.khobor.telegram..", "app.khobor.ops..")
                .check(MAIN);
    }

    @Test
    void news_announces_through_its_own_interface_and_never_imports_delivery_or_chat() {
        noClasses().that().resideInAPackage("app.khobor.news..")
                .should().dependOnClassesThat().resideInAnyPackage("app.khobor.delivery..", "app.khobor.chat..",
                        "app.khobor.telegram..")
                .check(MAIN);
    }

    @Test
    void db_serves_every_store_and_imports_none_of_them() {
        noClasses().that().resideInAPackage("app.khobor.db..")
                .should().dependOnClassesThat().resideInAnyPackage("app.khobor.source..", "app.khobor.news..",
                        "app.khobor.chat..", "app.khobor.delivery..", "app.khobor.telegram..")
                .check(MAIN);
    }
}
