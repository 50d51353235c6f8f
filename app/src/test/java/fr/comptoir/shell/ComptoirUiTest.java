package fr.comptoir.shell;

import fr.comptoir.AppContext;
import fr.comptoir.comptoirapi.RetryPolicy;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.sync.SyncEngine;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the real screens headless, the way a person would: by what is written on them. */
class ComptoirUiTest {

    @TempDir
    Path home;
    ComptoirApplication app;
    final FxRobot robot = new FxRobot();

    void launch(String lockDelay) throws Exception {
        launch(lockDelay, 1500);
    }

    void launch(String lockDelay, long terminalDelayMillis) throws Exception {
        FxToolkit.registerPrimaryStage();
        AppContext.Options options = new AppContext.Options(DemoSize.TINY,
                new SyncEngine.Settings(500, Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(5)), RetryPolicy.DEFAULT,
                terminalDelayMillis);
        app = (ComptoirApplication) FxToolkit.setupApplication(() -> new ComptoirApplication(() -> {
            AppContext ctx = AppContext.open(home, Clock.systemUTC(), options);
            ctx.settings().put(AppWindow.LOCK_DELAY, lockDelay);
            return ctx;
        }));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void activatesTheDemoStoreSignsInAndSeesSyncedData() throws Exception {
        launch("PT10M");
        waitForText("Use the demo store");
        tap("Use the demo store");

        Node leo = waitFor(() -> robot.lookup(".staff-tile").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().startsWith("Léo Martin")).findFirst().map(Node.class::cast));
        tap(leo);
        for (String digit : new String[]{"1", "2", "3", "5"}) {
            tapKey(digit);
        }
        tapKey("Sign in");
        waitForText("Wrong PIN. 4 attempts left.");

        for (String digit : new String[]{"1", "2", "3", "4"}) {
            tapKey(digit);
        }
        tapKey("Sign in");

        waitForText("Léo Martin · Associate");
        assertThat(robot.lookup("Comptoir Paris Rivoli").tryQuery()).isPresent();
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> "Online".equals(text("#status-connectivity"))
                && "Pending writes: 0".equals(text("#status-pending")));
        assertThat(text("#status-data-age")).isEqualTo("Data up to date");

        tap("Sync");
        TableView<?> table = waitFor(() -> robot.lookup(".table-view").tryQueryAs(TableView.class)
                .filter(t -> !t.getItems().isEmpty()).map(t -> (TableView<?>) t));
        assertThat(table.getItems()).anySatisfy(row -> {
            SyncViewModel.FeedRow feed = (SyncViewModel.FeedRow) row;
            assertThat(feed.label()).isEqualTo("Customers");
            assertThat(feed.records()).isEqualTo(DemoSize.TINY.customers);
        });

        tap("Settings");
        // An associate sees the discount threshold (10 % by default) but cannot change it.
        javafx.scene.control.ToggleButton ten = waitFor(() -> robot.lookup("#settings-discount-10")
                .tryQueryAs(javafx.scene.control.ToggleButton.class));
        assertThat(ten.isSelected()).isTrue();
        assertThat(ten.isDisabled()).isTrue();
        waitForText("Only a manager can change this.");
        tap("Français");
        waitForText("Réglages");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> "En ligne".equals(text("#status-connectivity")));

        tap("Verrouiller");
        waitForText("Saisissez votre code, Léo Martin");
    }

    @Test
    void aTerminalPreConfiguredByItsProvisioningFileOpensOnTheSignInScreenInItsLanguage() throws Exception {
        java.nio.file.Files.writeString(home.resolve(fr.comptoir.Provisioning.FILE), "demo=true\nlanguage=fr\n");
        launch("PT10M");

        // No activation screen to go through: the staff of the store, in French.
        Node leo = waitFor(() -> robot.lookup(".staff-tile").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().startsWith("Léo Martin")).findFirst().map(Node.class::cast));
        assertThat(leo.isVisible()).isTrue();
        assertThat(onFx(() -> robot.lookup("Use the demo store").tryQuery().isPresent() || robot.lookup("Utiliser le magasin de démonstration")
                .tryQuery().isPresent())).isFalse();
        assertThat(app.window().context().device()).hasValueSatisfying(d -> assertThat(d.demo()).isTrue());
    }

    @Test
    void aProvisioningFileThatCannotActivateSaysWhyOnTheActivationScreenWithItsAddressFilledIn() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/";
        java.nio.file.Files.writeString(home.resolve(fr.comptoir.Provisioning.FILE), "platform.url=" + url + "\nactivation.code=PAR01-X\nlanguage=en\n");
        launch("PT10M");

        waitForText("This terminal could not be activated with its provisioning.properties file. "
                + "The central platform cannot be reached at this address. Check the address and the network.");
        javafx.scene.control.TextField address = waitFor(() -> robot.lookup(".text-field").queryAllAs(javafx.scene.control.TextField.class)
                .stream().filter(f -> url.equals(f.getText())).findFirst());
        assertThat(address.isVisible()).isTrue();
        waitForText("Use the demo store");
    }

    @Test
    void theScreenLocksAfterInactivityAndTheSamePersonSignsBackIn() throws Exception {
        launch("PT2S");
        waitForText("Use the demo store");
        tap("Use the demo store");
        signIn("Sarah Benali", "1234");
        waitForText("Sarah Benali · Associate");

        // No touch for two seconds: the PIN pad comes back, for Sarah, and the lock is journaled.
        waitForText("Enter your PIN, Sarah Benali");
        for (String digit : new String[]{"1", "2", "3", "4"}) {
            tapKey(digit);
        }
        tapKey("Sign in");
        waitForText("Sarah Benali · Associate");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> app.window().context().journal().size() >= 3);
    }

    @Test
    void findsHeleneSeesHerWebAndStoreOrdersAndContinuesHerOnlineCartIntoTheBasket() throws Exception {
        launch("PT10M");
        waitForText("Use the demo store");
        tap("Use the demo store");
        signIn("Léo Martin", "1234");
        waitForText("Léo Martin · Associate");
        openTheTill();
        tap("Customers");

        javafx.scene.control.ListView<?> orders = openHelenesFile();
        assertThat(orders.getItems()).map(o -> ((fr.comptoir.customers.ui.CustomerProfileViewModel.OrderRow) o).channel())
                .contains("Web", "Store");
        // Every line of the longest order is in its row, brought into sight by scrolling.
        fr.comptoir.customers.ui.CustomerProfileViewModel.OrderRow longest = orders.getItems().stream()
                .map(o -> (fr.comptoir.customers.ui.CustomerProfileViewModel.OrderRow) o)
                .max(java.util.Comparator.comparingInt(o -> o.lines().size())).orElseThrow();
        assertThat(longest.lines()).hasSizeGreaterThan(1);
        robot.interact(() -> ((javafx.scene.control.ListView<Object>) orders).scrollTo((Object) longest));
        javafx.scene.text.Text shown = waitFor(() -> robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() == longest && tappable(c))
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getGraphic()).filter(g -> g instanceof javafx.scene.text.Text)
                .map(g -> (javafx.scene.text.Text) g).findFirst());
        assertThat(longest.lines()).allSatisfy(line -> assertThat(shown.getText()).contains(line));

        tap("Online carts");
        waitForText("Live from the central platform.");
        tap("Continue in store");
        // The cart is in the sale: the Sell screen opens by itself, with Hélène attached.
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> "Customer: Hélène Martin".equals(text("#basket-customer")));
        javafx.scene.control.ListView<?> lines = waitFor(() -> robot.lookup("#basket-lines").tryQueryAs(javafx.scene.control.ListView.class)
                .map(l -> (javafx.scene.control.ListView<?>) l));
        assertThat(lines.getItems()).isNotEmpty();
        assertThat(text("#basket-total")).matches("Total [0-9\\u202f]+,[0-9]{2}\\u00a0€ · [0-9]+ items?");

        // A barcode typed or scanned into the sale, then a misread one that changes nothing.
        int before = lines.getItems().size();
        for (String body : new String[]{"376000000001", "376000000002", "376000000003"}) {
            tap("#sell-entry").write(fr.comptoir.catalog.Gtin.withCheckDigit(body)).type(javafx.scene.input.KeyCode.ENTER);
        }
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> lines.getItems().size() == before + 3);
        tap("#sell-entry").write("3760000000010").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> text("#sell-message").contains("not a valid barcode"));
        assertThat(lines.getItems()).hasSize(before + 3);

        // A 20 % discount on the basket needs the manager's PIN.
        String full = text("#basket-total");
        tap("#sell-discount");
        tap("20 %");
        tap("Loyalty gesture");
        tap("#discount-apply");
        waitForText("A manager enters their PIN to approve this discount.");
        tap("#discount-manager-pin").write("9876");
        tap("#discount-apply");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> onFx(() -> robot.lookup("#basket-total").tryQuery().isPresent())
                && !full.equals(text("#basket-total")));

        // Pay part in cash and the rest by card; the receipt's total is the basket's.
        String due = text("#basket-total");
        tap("#sell-pay");
        tap("#pay-amount").write("10");
        tap("#pay-cash");
        tap("#pay-card");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> text("#pay-message").startsWith("Card payment of"));
        tap("#pay-complete");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> onFx(() -> robot.lookup("#receipt").tryQueryAs(javafx.scene.control.TextArea.class)
                .map(t -> !t.getText().isEmpty()).orElse(false)));
        String receipt = robot.lookup("#receipt").queryAs(javafx.scene.control.TextArea.class).getText();
        // The screen keeps its amounts together with no-break spaces; the 42-column receipt uses plain ones.
        String total = due.substring("Total ".length(), due.indexOf(" ·")).replace('\u00a0', ' ').replace('\u202f', ' ');
        assertThat(receipt).contains("TOTAL").contains(total).contains("Cash").contains("Card ****").contains("Customer: Hélène Martin")
                .contains("Discount: Loyalty gesture");
        tap("#pay-new-sale");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> "No customer attached".equals(text("#basket-customer")));

        // A reprint of that receipt says it is a duplicate.
        tap("#sell-reprint");
        javafx.scene.control.ListView<?> recent = waitFor(() -> robot.lookup("#recent-sales").tryQueryAs(javafx.scene.control.ListView.class)
                .filter(l -> !l.getItems().isEmpty()).map(l -> (javafx.scene.control.ListView<?>) l));
        robot.interact(() -> recent.getSelectionModel().select(0));
        String duplicate = waitFor(() -> robot.lookup("#duplicate-receipt").tryQueryAs(javafx.scene.control.TextArea.class)
                .map(javafx.scene.control.TextArea::getText).filter(t -> !t.isEmpty()));
        assertThat(duplicate).contains("*** DUPLICATE ***").contains(total);
        tap("#reprint-print");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> String.valueOf(text("#reprint-message")).startsWith("Duplicate of ticket"));
        tap("#reprint-email");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS,
                () -> "The receipt will be e-mailed to helene.martin@orange.fr.".equals(text("#reprint-message")));
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> "Pending writes: 0".equals(text("#status-pending")));
    }

    @Test
    void aManagerOpensTheTillSellsClosesItWithADifferenceSheAcceptsAndGetsTheZ() throws Exception {
        launch("PT10M");
        waitForText("Use the demo store");
        tap("Use the demo store");
        signIn("Camille Laurent", "9876");
        waitForText("Camille Laurent · Manager");

        // No cash without an open till.
        tap("Sell");
        tap("#sell-entry").write(fr.comptoir.catalog.Gtin.withCheckDigit("376000000001")).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> String.valueOf(text("#basket-total")).contains("1 item"));
        tap("#sell-pay");
        tap("#pay-cash");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> String.valueOf(text("#pay-message")).startsWith("The till is not open"));

        openTheTill();
        tap("Sell");
        tap("#sell-pay");
        tap("#pay-cash");
        tap("#pay-complete");
        String receipt = waitFor(() -> robot.lookup("#receipt").tryQueryAs(javafx.scene.control.TextArea.class)
                .map(javafx.scene.control.TextArea::getText).filter(t -> !t.isEmpty()));
        // The receipt proves it is the till's: the seller, its place in the signed chain, the software.
        assertThat(receipt).contains("Comptoir Retail SAS").contains("SIRET ").contains("Sequence No. 1 · 1 line(s)").contains("Signature ")
                .contains(fr.comptoir.Version.software());
        long price = app.window().context().journal().ticketRecord(app.window().context().recentSales(1).get(0).id()).map(r ->
                fr.comptoir.fiscal.TicketFigures.of(r.body()).totalCents()).orElseThrow();
        tap("#pay-new-sale");

        // Closed 10 € short: shown only once counted, and accepted with a manager's PIN.
        tap("Till");
        tap("#till-close");
        long drawer = 10_000 + price - 1_000;
        tap("#till-count-COIN_1C").write(String.valueOf(drawer));
        tap("#till-counted");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> String.valueOf(text("#till-expected")).endsWith("difference −10,00\u00a0€"));
        waitForText("The difference is above 5,00\u00a0€: a manager must enter their PIN to accept it.");
        tap("#till-manager-pin").write("1234");
        tap("#till-close-confirm");
        waitForText("That is not a manager's PIN.");
        tap("#till-manager-pin").eraseText(4).write("9876");
        tap("#till-close-confirm");
        waitForText("Till closed; its report is printed and kept.");
        assertThat(robot.lookup("#till-report").queryAs(javafx.scene.control.TextArea.class).getText()).contains("TILL CLOSING")
                .contains("Difference").contains("-10,00 €");

        tap("#till-back");
        tap("#till-z");
        waitForText("Day closed (Z); its report is printed and kept.");
        String z = robot.lookup("#till-report").queryAs(javafx.scene.control.TextArea.class).getText();
        assertThat(z).contains("Z REPORT").contains("Tickets 1 to 1 (1)").contains("Perpetual grand total");
        assertThat(app.window().context().verifyFiscalJournal().ok()).isTrue();
        // The till's closing and the Z reach the platform by themselves.
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS,
                () -> app.window().context().demoServer().orElseThrow().store().appliedWrites("POST", "/v1/stores/%/closings").size() == 2);
    }

    @Test
    void aSaleInProgressComesBackAfterTheAppStops() throws Exception {
        openSellOnTheDemoStore();
        for (String body : new String[]{"376000000001", "376000000002"}) {
            tap("#sell-entry").write(fr.comptoir.catalog.Gtin.withCheckDigit(body)).type(javafx.scene.input.KeyCode.ENTER);
        }
        javafx.scene.control.ListView<?> lines = waitFor(() -> robot.lookup("#basket-lines").tryQueryAs(javafx.scene.control.ListView.class)
                .map(l -> (javafx.scene.control.ListView<?>) l));
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> lines.getItems().size() == 2);
        String total = text("#basket-total");

        // The app stops with the sale unpaid; at the next start the first sign-in finds it on the Sell screen.
        stopStartAndSignIn("Sarah Benali", "#sell-message", "The sale in progress when Comptoir stopped is back (2 lines)");
        assertThat(text("#basket-total")).isEqualTo(total);

        // 10 € paid by card, then the app stops again: the card is not charged twice, only the rest is due.
        tap("#sell-pay");
        tap("#pay-amount").write("10");
        tap("#pay-card");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> text("#pay-message").startsWith("Card payment of"));
        String left = text("#pay-remaining");
        stopStartAndSignIn("Sarah Benali", "#pay-message", "Payments of 10,00\u00a0€ were already taken for this sale");
        assertThat(text("#pay-remaining")).isEqualTo(left);
        tap("#pay-cash");
        tap("#pay-complete");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> onFx(() -> robot.lookup("#receipt").tryQueryAs(javafx.scene.control.TextArea.class)
                .map(t -> !t.getText().isEmpty()).orElse(false)));
        assertThat(robot.lookup("#receipt").queryAs(javafx.scene.control.TextArea.class).getText()).contains("Card ****").contains("Cash");
    }

    @Test
    void screensLeftBehindLetGoOfTheBasket() throws Exception {
        openSellOnTheDemoStore();
        int first = basketListeners();
        for (int i = 0; i < 50; i++) {
            tap("Customers");
            waitFor(() -> robot.lookup("#customer-search").tryQuery());
            tap("Sell");
            waitFor(() -> robot.lookup("#sell-entry").tryQuery());
        }
        WaitForAsyncUtils.waitForFxEvents();
        // 100 navigations later, only the Sell screen on show (and the autosave) follow the basket.
        assertThat(basketListeners()).isEqualTo(first);
        assertThat(first).isBetween(1, 5);
        assertThat(WaitForAsyncUtils.asyncFx(() -> app.window().scans().routeCount()).get(10, TimeUnit.SECONDS))
                .as("only the screen on show takes scans").isEqualTo(1);
    }

    @Test
    void aScanLandsInTheBasketWhateverHasTheFocusAndEnterFromAScannerPressesNoButton() throws Exception {
        openSellOnTheDemoStore();
        javafx.scene.control.ListView<?> lines = waitFor(() -> robot.lookup("#basket-lines").tryQueryAs(javafx.scene.control.ListView.class)
                .map(l -> (javafx.scene.control.ListView<?>) l));
        fr.comptoir.AppContext ctx = app.window().context();
        String storeId = ctx.device().orElseThrow().storeId();
        String ean = fr.comptoir.catalog.Gtin.withCheckDigit("376000000001");
        String sku = ctx.catalog().byCode(fr.comptoir.catalog.Gtin.withCheckDigit("376000000002"), storeId).orElseThrow().sku();
        assertThat(sku).as("a SKU label has letters").matches(".*[A-Z].*");

        // A sale parked: the tap leaves the focus where it was, and even with the focus forced onto Reprint,
        // a SKU label scanned goes into the basket; its Enter does not open Reprint.
        scanBurst(ean);
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> lines.getItems().size() == 1);
        tap("#sell-park");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> lines.getItems().isEmpty());
        assertThat(focusedId()).isEqualTo("sell-entry");
        focus("#sell-reprint");
        scanBurst(sku);
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> lines.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#recent-sales").tryQuery()).as("Reprint not opened").isEmpty();
        assertThat(text("#sell-message")).contains("added");

        // The focus on Lock: a scan adds to the basket, and its Enter does not lock the till.
        focus("#shell-lock");
        scanBurst(sku);
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> text("#basket-total") != null && text("#basket-total").contains("2 items"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".pin-key").tryQuery()).as("not locked").isEmpty();

        // On a screen that takes no scan, it is said and nothing changes.
        tap("Sync");
        scanBurst(ean);
        waitForText("Scan not used on this screen: nothing was changed. Open Sell or Customers to scan.");
        assertThat(WaitForAsyncUtils.asyncFx(() -> app.window().scans().routeCount()).get(10, TimeUnit.SECONDS)).isZero();
        tap("Sell");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> text("#basket-total") != null && text("#basket-total").contains("2 items"));
        assertThat(WaitForAsyncUtils.asyncFx(() -> app.window().scans().routeCount()).get(10, TimeUnit.SECONDS)).isEqualTo(1);

        // Typing held back for a moment (it might have been a scan) goes to the field it was typed in, even when
        // the next field is touched at once.
        tap("Customers");
        tap("New customer");
        focus("#new-last-name");
        javafx.scene.control.TextField lastName = waitFor(() -> robot.lookup("#new-last-name").tryQueryAs(javafx.scene.control.TextField.class));
        javafx.scene.control.TextField email = waitFor(() -> robot.lookup("#new-email").tryQueryAs(javafx.scene.control.TextField.class));
        robot.interact(() -> {
            typeAtOnce(lastName, "Martin");
            email.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lastName.getText()).isEqualTo("Martin");
        assertThat(email.getText()).isEmpty();
    }

    @Test
    void aManagerSetsUpTheScannersChecksAScanOnSettingsAndTheSetUpIsKept() throws Exception {
        launch("PT10M");
        waitForText("Use the demo store");
        tap("Use the demo store");
        signIn("Camille Laurent", fr.comptoir.demo.DemoDataGenerator.MANAGER_PIN);
        waitForText("Camille Laurent · Manager");
        fr.comptoir.AppContext ctx = app.window().context();
        String sku = ctx.catalog().byCode(fr.comptoir.catalog.Gtin.withCheckDigit("376000000002"), ctx.device().orElseThrow().storeId())
                .orElseThrow().sku();

        // The store's scanners send "#" before and "$" after each code: set on Settings, checked with a scan there.
        tap("Settings");
        javafx.scene.control.TextField prefix = waitFor(() -> robot.lookup("#settings-scanner-prefix")
                .tryQueryAs(javafx.scene.control.TextField.class));
        javafx.scene.control.TextField suffix = robot.lookup("#settings-scanner-suffix").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            prefix.setText("#");
            suffix.setText("$");
        });
        tap("#settings-scanner-save");
        scanBurst("#" + sku + "$");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS,
                () -> ("Code read: " + sku + " (" + sku.length() + " characters)").equals(text("#settings-test-scan")));

        // On Sell, the framed code is the item.
        tap("Sell");
        javafx.scene.control.ListView<?> lines = waitFor(() -> robot.lookup("#basket-lines").tryQueryAs(javafx.scene.control.ListView.class)
                .map(l -> (javafx.scene.control.ListView<?>) l));
        scanBurst("#" + sku + "$");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> lines.getItems().size() == 1);

        // Kept across a restart.
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        launch("PT10M");
        signIn("Camille Laurent", fr.comptoir.demo.DemoDataGenerator.MANAGER_PIN);
        waitForText("Camille Laurent · Manager");
        tap("Settings");
        javafx.scene.control.TextField kept = waitFor(() -> robot.lookup("#settings-scanner-prefix")
                .tryQueryAs(javafx.scene.control.TextField.class));
        assertThat(kept.getText()).isEqualTo("#");
        assertThat(robot.lookup("#settings-scanner-suffix").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("$");
    }

    @Test
    void aScannedQrCodeOpensTheOrderTwoLinesAreHandedOverOneRefusedAsDamagedAndTheOrderWaitsForTheRest() throws Exception {
        launch("PT10M");
        waitForText("Use the demo store");
        tap("Use the demo store");
        signIn("Sarah Benali", "1234");
        waitForText("Sarah Benali · Associate");
        tap("Pickups");
        waitFor(() -> robot.lookup("#pickups-list").tryQuery());
        fr.comptoir.AppContext ctx = app.window().context();
        fr.comptoir.pickups.Pickup order = ctx.pickupQueue().search(fr.comptoir.pickups.PickupQuery.parse("helene martin"), java.time.Instant.now(), 50)
                .stream().filter(r -> r.status() == fr.comptoir.pickups.PickupStatus.READY && r.units() == 4)
                .map(r -> ctx.pickupQueue().pickup(r.orderId()).orElseThrow()).findFirst().orElseThrow();
        String code = fr.comptoir.demo.DemoDataGenerator.demoPickupCode(order.orderNumber());

        // The customer shows the QR code of their e-mail: the order opens and its code is checked.
        scanBurst(fr.comptoir.pickups.PickupCode.qr(order.orderNumber(), code));
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> text("#pickups-heading") != null
                && text("#pickups-heading").startsWith(order.orderNumber()));
        waitForText("✔ Pickup code checked.");

        // Lines 1 and 2 are taken, line 3 is refused (damaged, the reason proposed), line 4 waits for later.
        bringIntoView("#pickups-refuse-2");
        tap("#pickups-refuse-2");
        bringIntoView("#pickups-collect-3-minus");
        tap("#pickups-collect-3-minus");
        String refund = fr.comptoir.common.Money.ofCents(order.lines().get(2).lineTotalCents()).format(java.util.Locale.FRANCE);
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS,
                () -> ("Refunded on the web payment: " + refund).equals(text("#pickups-money")));
        assertThat(robot.lookup("#pickups-reason-2-DAMAGED").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        bringIntoView("#pickups-hand-over");
        tap("#pickups-hand-over");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> text("#pickups-message") != null
                && text("#pickups-message").startsWith("Order "));
        assertThat(text("#pickups-message")).isEqualTo("Order " + order.orderNumber() + " partly handed over: 1 item(s) wait for later.");

        // The hand-over receipt is printed and kept with the till's receipts, as text and PDF.
        java.nio.file.Path kept = ctx.home().resolve("receipts").resolve("PICKUP-" + order.orderNumber() + "-1.txt");
        // The text is written first, then its PDF: both are there once the PDF is.
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS,
                () -> java.nio.file.Files.exists(kept.resolveSibling("PICKUP-" + order.orderNumber() + "-1.pdf")));
        assertThat(java.nio.file.Files.readString(kept)).contains("Refused:", "(damaged)", refund.replace('\u00a0', ' '));
        assertThat(kept.resolveSibling("PICKUP-" + order.orderNumber() + "-1.pdf")).exists();
        fr.comptoir.pickups.Pickup after = ctx.pickupQueue().pickup(order.orderId()).orElseThrow();
        assertThat(after.status()).isEqualTo(fr.comptoir.pickups.PickupStatus.PARTLY_COLLECTED);
        assertThat(after.lines()).extracting(fr.comptoir.pickups.Pickup.PickupLine::collected).containsExactly(1, 1, 0, 0);
        assertThat(after.lines()).extracting(fr.comptoir.pickups.Pickup.PickupLine::refused).containsExactly(0, 0, 1, 0);
        assertThat(ctx.journal().pendingPayloads(fr.comptoir.common.WriteKind.PICKUP_HANDOVER).size()
                + (int) ctx.outbox().needsAttentionCount()).as("journaled once, for the platform").isLessThanOrEqualTo(1);
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> ctx.outbox().pendingCount() == 0);
        String atPlatform = ctx.demoServer().orElseThrow().store().body("pickups", order.orderId()).orElseThrow();
        assertThat(fr.comptoir.comptoirapi.WireJson.mapper().readValue(atPlatform, fr.comptoir.pickups.Pickup.class).status())
                .isEqualTo(fr.comptoir.pickups.PickupStatus.PARTLY_COLLECTED);
    }

    @Test
    void aScannedWebOrderOneLineOfTwoComesBackDamagedRefundedOnlineAndShowsInTheCustomersHistory() throws Exception {
        launch("PT10M");
        waitForText("Use the demo store");
        tap("Use the demo store");
        signIn("Sarah Benali", "1234");
        waitForText("Sarah Benali · Associate");
        tap("Returns");
        waitFor(() -> robot.lookup("#returns-search").tryQuery());
        fr.comptoir.AppContext ctx = app.window().context();
        // Hélène Martin's web order of last week: two tops under the web promotion, and a scarf.
        fr.comptoir.orders.Order order = ctx.returnCounter().ofCustomer("cus-1", 100).stream()
                .filter(o -> o.channel() == fr.comptoir.orders.Order.Channel.WEB && o.lines().size() == 2
                        && o.status() == fr.comptoir.orders.Order.OrderStatus.DELIVERED
                        && java.time.Instant.parse(o.placedAt()).isAfter(java.time.Instant.now().minus(java.time.Duration.ofDays(20)))
                        && o.lines().stream().allMatch(l -> l.returnedQuantity() == 0))
                .findFirst().orElseThrow();
        fr.comptoir.orders.OrderLine second = order.lines().get(1);

        // The confirmation e-mail's code is the order number: scanned, the order opens.
        scanBurst(order.number());
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> text("#returns-heading") != null
                && text("#returns-heading").startsWith(order.number()));
        bringIntoView("#returns-more-1");
        tap("#returns-more-1");
        bringIntoView("#returns-reason-1-DAMAGED");
        tap("#returns-reason-1-DAMAGED");
        String refund = fr.comptoir.common.Money.ofCents(second.paid()).format(java.util.Locale.FRANCE);
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> ("To refund: " + refund).equals(text("#returns-refund")));
        assertThat(robot.lookup("#returns-restock-1-DAMAGED").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .as("damaged: set aside").isTrue();
        bringIntoView("#returns-to-till");
        tap("#returns-to-till");

        // The till: the item coming back, refunded on the web payment.
        waitForText("Pay");
        tap("Pay");
        waitFor(() -> robot.lookup("#pay-online").tryQuery().filter(Node::isVisible));
        tap("#pay-online");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> text("#pay-remaining") != null
                && text("#pay-remaining").endsWith("0,00\u00a0€"));
        tap("#pay-complete");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> onFx(() -> robot.lookup("#receipt")
                .queryAs(javafx.scene.control.TextArea.class).getText()).contains("RETURN RECEIPT"));
        String receipt = onFx(() -> robot.lookup("#receipt").queryAs(javafx.scene.control.TextArea.class).getText());
        assertThat(receipt.replace('\n', ' ')).contains("Partly cancels ticket or order no.", order.number(), "Online payment " + order.number(),
                "Returned: Damaged");

        // Once the platform has it, Hélène's history says the scarf came back.
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> ctx.outbox().pendingCount() == 0);
        assertThat(ctx.outbox().needsAttentionCount()).isZero();
        ctx.sync().requestSync().get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        tap("Customers");
        javafx.scene.control.ListView<?> orders = openHelenesFile();
        fr.comptoir.customers.ui.CustomerProfileViewModel.OrderRow row = onFx(() -> orders.getItems().stream()
                .map(o -> (fr.comptoir.customers.ui.CustomerProfileViewModel.OrderRow) o).filter(o -> o.number().equals(order.number()))
                .findFirst().orElseThrow());
        assertThat(row.lines().get(1)).endsWith("· 1 returned");
        assertThat(row.lines().get(0)).doesNotContain("returned");
    }

    @Test
    void aPinTypedFastIntoAPinFieldIsThePinsNeverAScan() throws Exception {
        launch("PT10M");
        waitForText("Use the demo store");
        tap("Use the demo store");
        signIn("Sarah Benali", "1234");
        waitForText("Sarah Benali · Associate");
        tap("Returns");
        tap("#returns-without-receipt");
        tap("#returns-item-manager-pin");
        // As fast as a scanner: still the PIN field's keys, and Enter approves.
        scanBurst("9876");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> "Approved by Camille Laurent.".equals(text("#returns-message")));
    }

    /** On the Customers screen: Hélène Martin found and her file opened; her orders once listed. */
    private javafx.scene.control.ListView<?> openHelenesFile() throws Exception {
        tap("#customer-search").write("helene");
        java.util.function.Supplier<Optional<Node>> helene = () -> robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> cell && cell.getItem() instanceof fr.comptoir.customers.CustomerMatch m
                        && m.customer().fullName().equals("Hélène Martin"))
                .findFirst();
        waitFor(helene::get);
        // The list may still be refreshed by the central search's answer: look the cell up at each try.
        tapWhen(helene, "Hélène Martin in the results");
        return waitFor(() -> robot.lookup("#customer-orders").tryQueryAs(javafx.scene.control.ListView.class)
                .filter(l -> !l.getItems().isEmpty()).map(l -> (javafx.scene.control.ListView<?>) l));
    }

    /** Scrolls the page that holds {@code query} so that it is in sight, as a finger would. */
    private void bringIntoView(String query) throws Exception {
        Node node = waitFor(() -> robot.lookup(query).tryQuery());
        robot.interact(() -> {
            javafx.scene.Parent p = node.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                javafx.geometry.Bounds content = sp.getContent().getLayoutBounds();
                javafx.geometry.Bounds at = sp.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double room = content.getHeight() - sp.getViewportBounds().getHeight();
                sp.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (at.getMinY() - 40) / room)));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A keyboard-wedge scanner: the code's characters and Enter, all at once, to whatever has the focus. */
    private void scanBurst(String code) {
        robot.interact(() -> {
            javafx.scene.Scene scene = app.window().scene();
            Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
            typeAtOnce(target, code);
            for (javafx.event.EventType<javafx.scene.input.KeyEvent> type : java.util.List.of(javafx.scene.input.KeyEvent.KEY_PRESSED,
                    javafx.scene.input.KeyEvent.KEY_RELEASED)) {
                javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(type, "", "", javafx.scene.input.KeyCode.ENTER,
                        false, false, false, false));
            }
        });
    }

    /** Characters typed into {@code target} all at once, as a scanner does (JavaFX thread). */
    private static void typeAtOnce(Node target, String chars) {
        for (char c : chars.toCharArray()) {
            javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_TYPED, String.valueOf(c), "",
                    javafx.scene.input.KeyCode.UNDEFINED, false, false, false, false));
        }
    }

    private void focus(String query) throws Exception {
        Node node = waitFor(() -> robot.lookup(query).tryQuery());
        robot.interact(node::requestFocus);
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> query.substring(1).equals(focusedId()));
    }

    private String focusedId() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node f = app.window().scene().getFocusOwner();
            return f == null ? null : f.getId();
        }).get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A first start on the demo store, Sarah signed in, on the Sell screen. */
    private void openSellOnTheDemoStore() throws Exception {
        launch("PT10M");
        waitForText("Use the demo store");
        tap("Use the demo store");
        signIn("Sarah Benali", "1234");
        waitForText("Sarah Benali · Associate");
        openTheTill();
        tap("Sell");
        waitFor(() -> robot.lookup("#sell-entry").tryQuery());
    }

    /** Opens the till with a float of 100 € (five 20 € notes) on the Till screen: cash is taken only then. */
    private void openTheTill() throws Exception {
        tap("Till");
        tap("#till-open");
        tap("#till-count-NOTE_20").write("5");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> "Total counted: 100,00\u00a0€".equals(text("#till-count-total")));
        tap("#till-open-confirm");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> String.valueOf(text("#till-status")).startsWith("Open since"));
    }

    /** How many listeners the one basket of the window has (read through reflection: no test-only API in the app). */
    private int basketListeners() throws Exception {
        java.lang.reflect.Field tillField = AppWindow.class.getDeclaredField("till");
        tillField.setAccessible(true);
        Object basket = ((TillBasket) tillField.get(app.window())).basket();
        java.lang.reflect.Field listeners = basket.getClass().getDeclaredField("listeners");
        listeners.setAccessible(true);
        return WaitForAsyncUtils.asyncFx(() -> ((java.util.List<?>) listeners.get(basket)).size()).get(10, TimeUnit.SECONDS);
    }

    /** Stops the app, starts it again on the same home, signs in, and waits for {@code query} to say {@code said}. */
    private void stopStartAndSignIn(String name, String query, String said) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        launch("PT10M");
        signIn(name, "1234");
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> text(query) != null && text(query).startsWith(said));
    }

    private void signIn(String name, String pin) throws Exception {
        Node tile = waitFor(() -> robot.lookup(".staff-tile").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().startsWith(name)).findFirst().map(Node.class::cast));
        tap(tile);
        for (char c : pin.toCharArray()) {
            tapKey(String.valueOf(c));
        }
        tapKey("Sign in");
    }

    /** How long a screen may take to show what a step waits for, on a busy machine. */
    static final long PATIENCE_MILLIS = 60_000;

    private org.testfx.api.FxRobotInterface tap(String query) {
        return tapWhen(() -> robot.lookup(query).queryAll().stream().filter(ComptoirUiTest::tappable).findFirst(), query);
    }

    private org.testfx.api.FxRobotInterface tap(Node node) {
        return tapWhen(() -> Optional.of(node).filter(ComptoirUiTest::tappable), node.toString());
    }

    /**
     * Waits until the node is in a scene, visible, laid out on screen and enabled, then touches it. The JavaFX
     * thread may rebuild the screen between the look-up and the touch: then the node is looked up again,
     * for as long as {@link #PATIENCE_MILLIS} allows, never a fixed number of times.
     */
    private org.testfx.api.FxRobotInterface tapWhen(java.util.function.Supplier<Optional<Node>> lookup, String what) {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        RuntimeException last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                Optional<Node> node = lookup.get();
                if (node.isPresent()) {
                    return robot.clickOn(node.get());
                }
            } catch (RuntimeException e) {
                last = e;
            }
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
        AssertionError failure = new AssertionError("Nothing to touch for " + what + " within " + PATIENCE_MILLIS / 1000 + " s");
        if (last != null) {
            failure.initCause(last);
        }
        throw failure;
    }

    /** In a scene, visible with all its parents, laid out with a size on screen, enabled: read on the JavaFX thread. */
    private static boolean tappable(Node node) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()
                        || node.isDisabled()) {
                    return false;
                }
                for (Node n = node; n != null; n = n.getParent()) {
                    if (!n.isVisible()) {
                        return false;
                    }
                }
                javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
                return b != null && b.getWidth() > 0 && b.getHeight() > 0;
            }).get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private java.util.function.Supplier<Optional<Node>> pinKey(String text) {
        return () -> robot.lookup(".pin-key").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals(text)).map(Node.class::cast).filter(ComptoirUiTest::tappable).findFirst();
    }

    private org.testfx.api.FxRobotInterface tapKey(String text) {
        return tapWhen(pinKey(text), "the PIN key " + text);
    }

    /**
     * Runs a look-up on the JavaFX thread: the scene graph is the JavaFX thread's, and walking it from the test
     * thread while a screen is rebuilt fails at random (a child list emptied under the walk).
     */
    private static <T> T onFx(java.util.concurrent.Callable<T> lookup) {
        try {
            return WaitForAsyncUtils.asyncFx(lookup).get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String query) {
        return onFx(() -> robot.lookup(query).tryQueryAs(Labeled.class).map(Labeled::getText).orElse(null));
    }

    private void waitForText(String text) throws Exception {
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> onFx(() -> robot.lookup(text).tryQuery().isPresent()));
    }

    private <T> T waitFor(java.util.concurrent.Callable<Optional<T>> lookup) throws Exception {
        Object[] found = new Object[1];
        WaitForAsyncUtils.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS, () -> {
            Optional<T> o = onFx(lookup);
            o.ifPresent(v -> found[0] = v);
            return o.isPresent();
        });
        @SuppressWarnings("unchecked")
        T t = (T) found[0];
        return t;
    }
}
