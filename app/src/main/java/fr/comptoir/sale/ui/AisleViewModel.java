package fr.comptoir.sale.ui;

import fr.comptoir.catalog.LocationStock;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Supplier;

/**
 * Endless aisle: an item not in stock here, seen in the other stores and the warehouse (live when
 * online, the cached figures with their age when not), then paid here and sent to the customer's
 * home or to another store for pickup. JavaFX thread only.
 */
public final class AisleViewModel {

    /** Stock elsewhere, and whether it is live. */
    public record Availability(List<LocationStock> locations, boolean live) {
    }

    private final ObservableList<LocationStock> locations = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final Basket basket;
    private final int lineIndex;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Runnable onDone;

    public AisleViewModel(Basket basket, int lineIndex, TaskRunner runner, I18n i18n, Runnable onDone) {
        this.basket = basket;
        this.lineIndex = lineIndex;
        this.runner = runner;
        this.i18n = i18n;
        this.onDone = onDone;
        address.set(basket.deliveryAddress() == null ? "" : basket.deliveryAddress());
    }

    /** @param dataAge how old the cached stock is, said in words, for when the live figures cannot be had (read off the FX thread) */
    public void load(Supplier<Availability> availability, Supplier<String> dataAge) {
        status.set(i18n.get("aisle.looking"));
        record Found(Availability availability, String age) {
        }
        runner.run(() -> {
            Availability a = availability.get();
            return new Found(a, a.live() ? null : dataAge.get());
        }, found -> {
            Availability a = found.availability();
            locations.setAll(a.locations());
            status.set(a.locations().isEmpty() ? i18n.get("aisle.nowhere")
                    : a.live() ? i18n.get("aisle.live") : i18n.get("aisle.cached", found.age()));
        }, failure -> status.set(failure.getMessage()));
    }

    public BasketLine line() {
        return basket.lines().get(lineIndex);
    }

    public void pickupAt(LocationStock store) {
        if (store.warehouse()) {
            message.set(i18n.get("aisle.noPickupAtWarehouse"));
            return;
        }
        basket.fulfil(lineIndex, BasketLine.PICKUP + store.locationId());
        onDone.run();
    }

    public void deliver() {
        String a = address.get() == null ? "" : address.get().strip();
        if (a.length() < 10 || !a.matches(".*\\d.*")) {
            message.set(i18n.get("aisle.addressRequired"));
            return;
        }
        basket.setDeliveryAddress(a);
        basket.fulfil(lineIndex, BasketLine.HOME);
        onDone.run();
    }

    public ObservableList<LocationStock> locations() { return locations; }
    public StringProperty statusProperty() { return status; }
    public StringProperty addressProperty() { return address; }
    public StringProperty messageProperty() { return message; }
}
