package fr.comptoir.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layer rules of docs/architecture.md, made executable. */
@AnalyzeClasses(packages = "fr.comptoir", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sqlOnlyInStorage = noClasses()
            .that().resideOutsideOfPackages("fr.comptoir.storage..", "fr.comptoir.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
            .because("SQLite access belongs to storage (the demo platform is a separate system with its own database)");

    @ArchTest
    static final ArchRule httpOnlyInTheAdapter = noClasses()
            .that().resideOutsideOfPackages("fr.comptoir.comptoirapi..", "fr.comptoir.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "com.sun.net.httpserver..")
            .because("HTTP is the Comptoir API adapter's business (the demo platform is the other end of it)");

    @ArchTest
    static final ArchRule jsonOnlyInTheAdapterAndTheJournal = noClasses()
            .that().resideOutsideOfPackages("fr.comptoir.comptoirapi..", "fr.comptoir.demo..", "fr.comptoir.storage..", "fr.comptoir.fiscal..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
            .because("the wire format is the adapter's business, the journal's canonical form the storage's, and the fiscal "
                    + "archive's (read alone by the verifier) the fiscal package's");

    @ArchTest
    static final ArchRule thePortSpeaksNoWireFormat = noClasses()
            .that().resideInAPackage("fr.comptoir.centralapi..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "com.fasterxml.jackson..", "fr.comptoir.comptoirapi..",
                    "java.net.http..")
            .because("the port speaks the domain, so that another platform is one more adapter (decision 0004)");

    @ArchTest
    static final ArchRule onlyTheCompositionRootKnowsTheAdapter = noClasses()
            .that().resideOutsideOfPackages("fr.comptoir", "fr.comptoir.comptoirapi..", "fr.comptoir.demo..", "fr.comptoir.bench..")
            .should().dependOnClassesThat().resideInAPackage("fr.comptoir.comptoirapi..")
            .because("features, sync, storage and screens use the port; the composition root picks the adapter");

    @ArchTest
    static final ArchRule noJavaFxBelowTheUi = noClasses()
            .that().resideInAnyPackage("fr.comptoir.sync..", "fr.comptoir.storage..", "fr.comptoir.centralapi..", "fr.comptoir.comptoirapi..",
                    "fr.comptoir.demo..", "fr.comptoir.catalog..", "fr.comptoir.customers..", "fr.comptoir.orders..",
                    "fr.comptoir.stores..", "fr.comptoir.common..", "fr.comptoir.cli..", "fr.comptoir.sale..", "fr.comptoir.bench..",
                    "fr.comptoir.printing..", "fr.comptoir.returns..", "fr.comptoir.pickups..", "fr.comptoir.fiscal..", "fr.comptoir.till..")
            .and().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("logic must run and be tested without a toolkit");

    @ArchTest
    static final ArchRule printingLibrariesOnlyInPrinting = noClasses()
            .that().resideOutsideOfPackage("fr.comptoir.printing..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.anastaciocintra..", "org.apache.pdfbox..", "com.google.zxing..")
            .because("receipts on paper and in PDF are the printing adapter's business");

    @ArchTest
    static final ArchRule staffLogicHasNoJavaFx = noClasses()
            .that().resideInAPackage("fr.comptoir.staff")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("only staff.ui may use JavaFX");

    @ArchTest
    static final ArchRule syncDependsOnPortsNotOnStorage = noClasses()
            .that().resideInAPackage("fr.comptoir.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.comptoir.storage..", "fr.comptoir.shell..")
            .because("the sync engine talks to the cache and outbox through its own ports");

    @ArchTest
    static final ArchRule domainDoesNotKnowTheAdapters = noClasses()
            .that().resideInAnyPackage("fr.comptoir.catalog..", "fr.comptoir.customers..", "fr.comptoir.orders..",
                    "fr.comptoir.stores..", "fr.comptoir.staff", "fr.comptoir.sale..")
            .and().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.comptoir.storage..", "fr.comptoir.centralapi..", "fr.comptoir.comptoirapi..",
                    "fr.comptoir.demo..", "fr.comptoir.shell..")
            .because("the domain is the centre; adapters depend on it, not the reverse");

    @ArchTest
    static final ArchRule loggingBackendOnlyInLogging = noClasses()
            .that().resideOutsideOfPackage("fr.comptoir.logging..")
            .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..")
            .because("code logs through SLF4J; only the logging package knows the backend and its redaction");

    @ArchTest
    static final ArchRule onlyTheCompositionRootBuildsThePlatformClient = noClasses()
            .that().resideOutsideOfPackages("fr.comptoir", "fr.comptoir.comptoirapi..", "fr.comptoir.bench..")
            .should().callConstructor(fr.comptoir.comptoirapi.HttpCentralPlatform.class,
                    String.class, java.util.function.Supplier.class, okhttp3.OkHttpClient.class, fr.comptoir.comptoirapi.RetryPolicy.class)
            .because("which platform a terminal talks to is chosen once, by the composition root");

    @ArchTest
    static final ArchRule syncKnowsNoFeature = noClasses()
            .that().resideInAPackage("fr.comptoir.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.comptoir.sale..", "fr.comptoir.customers..", "fr.comptoir.staff..",
                    "fr.comptoir.catalog..", "fr.comptoir.orders..", "fr.comptoir.shell..", "fr.comptoir.storage..")
            .because("sync moves writes and feeds it does not understand; features never leak into it");

    @ArchTest
    static final ArchRule noPackageCycles = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
            .assignedFrom(new com.tngtech.archunit.library.dependencies.SliceAssignment() {
                @Override
                public com.tngtech.archunit.library.dependencies.SliceIdentifier getIdentifierOf(com.tngtech.archunit.core.domain.JavaClass c) {
                    // Every package its own slice, the root package (the composition root) included.
                    return c.getPackageName().startsWith("fr.comptoir")
                            ? com.tngtech.archunit.library.dependencies.SliceIdentifier.of(c.getPackageName())
                            : com.tngtech.archunit.library.dependencies.SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                    return "every package of fr.comptoir";
                }
            }).should().beFreeOfCycles()
            .because("each package can be understood, tested and changed without the ones that use it");

    @ArchTest
    static final ArchRule screensNeverCallThePlatformPort = noClasses()
            .that().resideInAnyPackage("..ui..", "fr.comptoir.shell..", "fr.comptoir.activation..", "fr.comptoir.uikit..")
            .should().dependOnClassesThat().areAssignableTo(fr.comptoir.centralapi.CentralPlatform.class)
            .because("screens use the services the composition root builds over the port, never the port itself");

    @ArchTest
    static final ArchRule featureScreensMeetOnlyThroughPorts = noClasses()
            .that().resideInAPackage("fr.comptoir.sale.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.comptoir.customers.ui..", "fr.comptoir.staff.ui..", "fr.comptoir.shell..")
            .orShould().dependOnClassesThat().resideInAnyPackage("fr.comptoir.storage..", "fr.comptoir.printing..")
            .because("a feature's screens know other features only through the ports they name, and no adapter");

    @ArchTest
    static final ArchRule customerScreensMeetOnlyThroughPorts = noClasses()
            .that().resideInAPackage("fr.comptoir.customers.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.comptoir.sale..", "fr.comptoir.staff.ui..", "fr.comptoir.shell..",
                    "fr.comptoir.storage..", "fr.comptoir.printing..")
            .because("the customer file reaches the sale through its SaleBasket port only");
}
