// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.store.StoreException;
import vn.ytcs.core.store.SyncStore;

/** The module rules of docs/decisions/0001, restated so that the build enforces them. */
@AnalyzeClasses(packages = "vn.ytcs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreAndSyncKnowNoJavaFx = noClasses()
            .that().resideInAnyPackage("vn.ytcs.core..", "vn.ytcs.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("domain and sync code must run and be tested without a screen");

    @ArchTest
    static final ArchRule coreKnowsNoSync = noClasses()
            .that().resideInAPackage("vn.ytcs.core..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.ytcs.sync..", "vn.ytcs.app..")
            .because("dependencies point one way: app -> sync -> core");

    @ArchTest
    static final ArchRule syncKnowsNoApp = noClasses()
            .that().resideInAPackage("vn.ytcs.sync..")
            .should().dependOnClassesThat().resideInAPackage("vn.ytcs.app..")
            .because("dependencies point one way: app -> sync -> core");

    @ArchTest
    static final ArchRule jooqStaysInTheStore = noClasses()
            .that().resideOutsideOfPackage("vn.ytcs.core.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.flywaydb..", "org.h2..")
            .because("services expose plain Java types; SQL lives in core.store only");

    @ArchTest
    static final ArchRule theScorerIsBelowTheStore = noClasses()
            .that().resideInAnyPackage("vn.ytcs.core.scoring..", "vn.ytcs.core.catalog..", "vn.ytcs.core.progress..",
                    "vn.ytcs.core.commune..", "vn.ytcs.core.directive..", "vn.ytcs.core.assessment..", "vn.ytcs.core.unit..",
                    "vn.ytcs.core.station..", "vn.ytcs.core.staff..", "vn.ytcs.core.hamlet..", "vn.ytcs.core.figures..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.ytcs.core.store..", "vn.ytcs.core.service..")
            .because("the domain and the scorer are pure: the services read the register and hand it in");

    @ArchTest
    static final ArchRule theStoreKnowsNoService = noClasses()
            .that().resideInAPackage("vn.ytcs.core.store..")
            .should().dependOnClassesThat().resideInAPackage("vn.ytcs.core.service..")
            .because("the use-case layer sits above the store");

    @ArchTest
    static final ArchRule surfacesGoThroughTheServices = noClasses()
            .that().resideInAnyPackage("vn.ytcs.app.window..", "vn.ytcs.app.cli..", "vn.ytcs.app.i18n..")
            .should().dependOnClassesThat(resideInAPackage("vn.ytcs.core.store..")
                    .and(not(type(Store.Notice.class)).and(not(type(Store.Notice.Kind.class))))
                    .and(not(type(Store.AuditEntry.class)))
                    .and(not(type(StoreException.class))).and(not(type(StoreException.Reason.class)))
                    .and(not(type(SyncStore.Conflict.class))).and(not(type(Store.AuditEntry.class))))
            .because("the window and the command line call the use-case layer, never the store"
                    + " (what opening found, why the store refused, a conflict an import kept and a record's history are read models"
                    + " the services hand up, so those types are shared)");

    @ArchTest
    static final ArchRule onlyViewModelsCallServices = noClasses()
            .that().resideInAPackage("vn.ytcs.app.window..").and().haveSimpleNameNotEndingWith("ViewModel")
            .and().doNotHaveSimpleName("YtcsApp")
            .should().dependOnClassesThat(resideInAPackage("vn.ytcs..").and(simpleNameEndingWith("Service")))
            .orShould().dependOnClassesThat().resideInAPackage("vn.ytcs.app.root..")
            .because("views bind to their view model and forward intents; only the view model calls services"
                    + " (YtcsApp builds the view models from the composition root)");

    @ArchTest
    static final ArchRule viewsKnowNoPackageFormat = noClasses()
            .that().resideInAPackage("vn.ytcs.app.window..").and().haveSimpleNameNotEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("vn.ytcs.sync.pack..")
            .because("what a package holds reaches a view as the sync service's read models");

    @ArchTest
    static final ArchRule sqlStaysInTheStore = noClasses()
            .that().resideOutsideOfPackage("vn.ytcs.core.store..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("SQL lives in core.store only");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("vn.ytcs.(**)")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("vn.ytcs.core.store.jooq.."), resideInAPackage("vn.ytcs.core.store.jooq.."))
            .because("each package is a concept with one owner (jOOQ's generated code is exempt)");
}
