package fr.comptoir.shell;

import fr.comptoir.AppContext;
import fr.comptoir.centralapi.RetryPolicy;
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
            tap(pinKey(digit));
        }
        tap(pinKey("Sign in"));
        waitForText("Wrong PIN. 4 attempts left.");

        for (String digit : new String[]{"1", "2", "3", "4"}) {
            tap(pinKey(digit));
        }
        tap(pinKey("Sign in"));

        waitForText("Léo Martin · Associate");
        assertThat(robot.lookup("Comptoir Paris Rivoli").tryQuery()).isPresent();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Online".equals(text("#status-connectivity"))
                && "Pending writes: 0".equals(text("#status-pending")));
        assertThat(text("#status-data-age")).isEqualTo("Data up to date");

        tap("Sync");
        TableView<?> table = waitFor(() -> robot.lookup(".table-view").tryQueryAs(TableView.class)
                .filter(t -> !t.getItems().isEmpty()).map(t -> (TableView<?>) t));
        assertThat(table.getItems()).anySatisfy(row -> assertThat(row.toString())
                .contains("label=Customers").contains("records=" + DemoSize.TINY.customers));

        tap("Settings");
        // An associate sees the discount threshold (10 % by default) but cannot change it.
        javafx.scene.control.ToggleButton ten = waitFor(() -> robot.lookup("#settings-discount-10")
                .tryQueryAs(javafx.scene.control.ToggleButton.class));
        assertThat(ten.isSelected()).isTrue();
        assertThat(ten.isDisabled()).isTrue();
        waitForText("Only a manager can change this.");
        tap("Français");
        waitForText("Réglages");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "En ligne".equals(text("#status-connectivity")));

        tap("Verrouiller");
        waitForText("Saisissez votre code, Léo Martin");
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
            tap(pinKey(digit));
        }
        tap(pinKey("Sign in"));
        waitForText("Sarah Benali · Associate");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.window().context().journal().size() >= 3);
    }

    @Test
    void findsHeleneSeesHerWebAndStoreOrdersAndContinuesHerOnlineCartIntoTheBasket() throws Exception {
        launch("PT10M");
        waitForText("Use the demo store");
        tap("Use the demo store");
        signIn("Léo Martin", "1234");
        waitForText("Léo Martin · Associate");

        tap("#customer-search").write("helene");
        java.util.function.Supplier<Optional<Node>> helene = () -> robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> cell && cell.getItem() instanceof fr.comptoir.customers.CustomerMatch m
                        && m.customer().fullName().equals("Hélène Martin"))
                .findFirst();
        waitFor(helene::get);
        // The list may still be refreshed by the central search's answer: look the cell up at each try.
        retrying(() -> robot.clickOn(helene.get().orElseThrow()));

        javafx.scene.control.ListView<?> orders = waitFor(() -> robot.lookup("#customer-orders").tryQueryAs(javafx.scene.control.ListView.class)
                .filter(l -> !l.getItems().isEmpty()).map(l -> (javafx.scene.control.ListView<?>) l));
        assertThat(orders.getItems()).anySatisfy(o -> assertThat(o.toString()).contains("channel=Web"));
        assertThat(orders.getItems()).anySatisfy(o -> assertThat(o.toString()).contains("channel=Store"));
        retrying(() -> robot.clickOn((Node) robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() == orders.getItems().get(0)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text("#order-lines").isEmpty());

        tap("Online carts");
        waitForText("Live from the central platform.");
        tap("Continue in store");
        waitForText("In the basket");

        tap("Sell");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Customer: Hélène Martin".equals(text("#basket-customer")));
        javafx.scene.control.ListView<?> lines = robot.lookup("#basket-lines").queryAs(javafx.scene.control.ListView.class);
        assertThat(lines.getItems()).isNotEmpty();
        assertThat(text("#basket-total")).startsWith("Total €");

        // A barcode typed or scanned into the sale, then a misread one that changes nothing.
        int before = lines.getItems().size();
        for (String body : new String[]{"376000000001", "376000000002", "376000000003"}) {
            tap("#sell-entry").write(fr.comptoir.catalog.Gtin.withCheckDigit(body)).type(javafx.scene.input.KeyCode.ENTER);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lines.getItems().size() == before + 3);
        tap("#sell-entry").write("3760000000010").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#sell-message").contains("not a valid barcode"));
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
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#basket-total").tryQuery().isPresent()
                && !full.equals(text("#basket-total")));

        // Pay part in cash and the rest by card; the receipt's total is the basket's.
        String due = text("#basket-total");
        tap("#sell-pay");
        tap("#pay-amount").write("10");
        tap("#pay-cash");
        tap("#pay-card");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#pay-message").startsWith("Card payment of"));
        tap("#pay-complete");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#receipt").queryAs(javafx.scene.control.TextArea.class).getText().isEmpty());
        String receipt = robot.lookup("#receipt").queryAs(javafx.scene.control.TextArea.class).getText();
        String total = due.substring("Total ".length(), due.indexOf(" ·"));
        assertThat(receipt).contains("TOTAL").contains(total).contains("Cash").contains("Card ****").contains("Customer: Hélène Martin")
                .contains("Discount: Loyalty gesture");
        tap("#pay-new-sale");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "No customer attached".equals(text("#basket-customer")));

        // A reprint of that receipt says it is a duplicate.
        tap("#sell-reprint");
        javafx.scene.control.ListView<?> recent = waitFor(() -> robot.lookup("#recent-sales").tryQueryAs(javafx.scene.control.ListView.class)
                .filter(l -> !l.getItems().isEmpty()).map(l -> (javafx.scene.control.ListView<?>) l));
        robot.interact(() -> recent.getSelectionModel().select(0));
        String duplicate = robot.lookup("#duplicate-receipt").queryAs(javafx.scene.control.TextArea.class).getText();
        assertThat(duplicate).contains("*** DUPLICATE ***").contains(total);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Pending writes: 0".equals(text("#status-pending")));
    }

    @Test
    void aSaleInProgressComesBackAfterTheAppStops() throws Exception {
        launch("PT10M");
        waitForText("Use the demo store");
        tap("Use the demo store");
        signIn("Sarah Benali", "1234");
        waitForText("Sarah Benali · Associate");
        tap("Sell");
        for (String body : new String[]{"376000000001", "376000000002"}) {
            tap("#sell-entry").write(fr.comptoir.catalog.Gtin.withCheckDigit(body)).type(javafx.scene.input.KeyCode.ENTER);
        }
        javafx.scene.control.ListView<?> lines = robot.lookup("#basket-lines").queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lines.getItems().size() == 2);
        String total = text("#basket-total");

        // The app stops with the sale unpaid; at the next start the first sign-in finds it on the Sell screen.
        stopStartAndSignIn("Sarah Benali", "#sell-message", "The sale in progress when Comptoir stopped is back (2 line(s))");
        assertThat(text("#basket-total")).isEqualTo(total);

        // 10 € paid by card, then the app stops again: the card is not charged twice, only the rest is due.
        tap("#sell-pay");
        tap("#pay-amount").write("10");
        tap("#pay-card");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#pay-message").startsWith("Card payment of"));
        String left = text("#pay-remaining");
        stopStartAndSignIn("Sarah Benali", "#pay-message", "Payments of €10.00 were already taken for this sale");
        assertThat(text("#pay-remaining")).isEqualTo(left);
        tap("#pay-cash");
        tap("#pay-complete");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#receipt").queryAs(javafx.scene.control.TextArea.class).getText().isEmpty());
        assertThat(robot.lookup("#receipt").queryAs(javafx.scene.control.TextArea.class).getText()).contains("Card ****").contains("Cash");
    }

    /** Stops the app, starts it again on the same home, signs in, and waits for {@code query} to say {@code said}. */
    private void stopStartAndSignIn(String name, String query, String said) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        launch("PT10M");
        signIn(name, "1234");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(query) != null && text(query).startsWith(said));
    }

    private void signIn(String name, String pin) throws Exception {
        Node tile = waitFor(() -> robot.lookup(".staff-tile").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().startsWith(name)).findFirst().map(Node.class::cast));
        tap(tile);
        for (char c : pin.toCharArray()) {
            tap(pinKey(String.valueOf(c)));
        }
        tap(pinKey("Sign in"));
    }

    private org.testfx.api.FxRobotInterface tap(String query) {
        return retrying(() -> robot.clickOn(query));
    }

    private org.testfx.api.FxRobotInterface tap(Node node) {
        return retrying(() -> robot.clickOn(node));
    }

    /**
     * TestFX looks nodes up from the test thread while the JavaFX thread builds the screen; a node it
     * meets half-attached has no scene yet and the lookup throws. Let the JavaFX thread finish, then again.
     */
    private static org.testfx.api.FxRobotInterface retrying(java.util.function.Supplier<org.testfx.api.FxRobotInterface> click) {
        for (int attempt = 1; ; attempt++) {
            try {
                return click.get();
            } catch (NullPointerException | org.testfx.api.FxRobotException e) {
                // Also: a node just made visible is not laid out (inside the scene) until the next pulse.
                if (attempt == 5) {
                    throw e;
                }
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
    }

    private Node pinKey(String text) {
        return robot.lookup(".pin-key").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals(text) && b.isVisible()).findFirst().orElseThrow();
    }

    private String text(String query) {
        return robot.lookup(query).tryQueryAs(Labeled.class).map(Labeled::getText).orElse(null);
    }

    private void waitForText(String text) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(text).tryQuery().isPresent());
    }

    private <T> T waitFor(java.util.concurrent.Callable<Optional<T>> lookup) throws Exception {
        Object[] found = new Object[1];
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            Optional<T> o = lookup.call();
            o.ifPresent(v -> found[0] = v);
            return o.isPresent();
        });
        @SuppressWarnings("unchecked")
        T t = (T) found[0];
        return t;
    }
}
