package app.khobor;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph a newcomer can draw on a napkin, pinned: {@code config}, {@code text}, {@code db} and
 * {@code infra} at the bottom; {@code source} fetches and parses; {@code news} owns "read -> de-duplicate -> store ->
 * announce"; {@code delivery} sends; {@code chat} talks to readers; {@code telegram} adapts the Bot API; {@code ops}
 * watches them for the operator (endpoint, metrics, alerts); the root package wires. Arrows point one way only.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        // The main classes' own folder (target/classes): the rules are about src/main, whatever the build folder.
        main = new ClassFileImporter().importUrl(Khobor.class.getProtectionDomain().getCodeSource().getLocation());
    }

    @Test
    void packages_form_no_cycles() {
        slices().matching("app.khobor.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void only_telegram_talks_to_the_bot_api_library_and_its_http_client() {
        noClasses().that().resideOutsideOfPackage("app.khobor.telegram..")
                .should().dependOnClassesThat().resideInAnyPackage("org.telegram..", "okhttp3..")
                .check(main);
    }

    @Test
    void source_fetches_and_parses_and_knows_nothing_of_storage_or_readers() {
        noClasses().that().resideInAPackage("app.khobor.source..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.khobor.news..", "app.khobor.db..", "app.khobor.chat..", "app.khobor.delivery..",
                        "app.khobor.telegram..")
                .check(main);
    }

    @Test
    void stories_match_text_and_know_nothing_of_news_storage_or_readers() {
        noClasses().that().resideInAPackage("app.khobor.story..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.khobor.source..", "app.khobor.news..", "app.khobor.db..", "app.khobor.chat..",
                        "app.khobor.delivery..", "app.khobor.telegram..", "app.khobor.ops..", "app.khobor.config..")
                .check(main);
    }

    @Test
    void standby_knows_only_its_lease_and_the_threads_it_runs_on() {
        noClasses().that().resideInAPackage("app.khobor.standby..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.khobor.source..", "app.khobor.news..", "app.khobor.db..", "app.khobor.chat..",
                        "app.khobor.delivery..", "app.khobor.telegram..", "app.khobor.ops..", "app.khobor.config..",
                        "app.khobor.story..", "app.khobor.text..")
                .check(main);
    }

    @Test
    void news_announces_without_knowing_who_delivers() {
        noClasses().that().resideInAPackage("app.khobor.news..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.khobor.chat..", "app.khobor.delivery..", "app.khobor.telegram..")
                .check(main);
    }

    @Test
    void delivery_knows_neither_chats_nor_telegram() {
        noClasses().that().resideInAPackage("app.khobor.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage("app.khobor.chat..", "app.khobor.telegram..")
                .check(main);
    }

    @Test
    void chat_speaks_to_readers_without_knowing_telegram() {
        noClasses().that().resideInAPackage("app.khobor.chat..")
                .should().dependOnClassesThat().resideInAPackage("app.khobor.telegram..")
                .check(main);
    }

    @Test
    void the_bottom_packages_import_no_feature() {
        noClasses().that().resideInAnyPackage("app.khobor.config..", "app.khobor.text..", "app.khobor.db..",
                        "app.khobor.infra..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.khobor.source..", "app.khobor.news..", "app.khobor.chat..", "app.khobor.delivery..",
                        "app.khobor.telegram..", "app.khobor.ops..", "app.khobor.story..")
                .check(main);
    }

    @Test
    void ops_watches_the_features_and_only_the_root_package_wires_it_in() {
        noClasses().that().resideOutsideOfPackages("app.khobor", "app.khobor.ops..")
                .should().dependOnClassesThat().resideInAPackage("app.khobor.ops..")
                .check(main);
        noClasses().that().resideInAPackage("app.khobor.ops..")
                .should().dependOnClassesThat().resideInAPackage("app.khobor.telegram..")
                .because("ops hears of Telegram through what the root package hands it")
                .check(main);
    }

    @Test
    void only_ops_serves_http_and_knows_micrometer() {
        noClasses().that().resideOutsideOfPackage("app.khobor.ops..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..",
                        "com.sun.net.httpserver..")
                .check(main);
    }

    @Test
    void threads_are_made_in_one_place() {
        noClasses().that().resideOutsideOfPackage("app.khobor.infra..")
                .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
                .because("every thread is a named daemon made by infra.DaemonThreads")
                .check(main);
    }

    @Test
    void only_the_root_package_wires_the_features_together() {
        noClasses().that().resideOutsideOfPackage("app.khobor")
                .should().dependOnClassesThat().resideInAPackage("app.khobor")
                .check(main);
    }
}
