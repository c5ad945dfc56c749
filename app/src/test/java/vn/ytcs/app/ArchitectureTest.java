// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
    static final ArchRule noPackageCycles = slices().matching("vn.ytcs.(**)")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("vn.ytcs.core.store.jooq.."), resideInAPackage("vn.ytcs.core.store.jooq.."))
            .because("each package is a concept with one owner (jOOQ's generated code is exempt)");
}
