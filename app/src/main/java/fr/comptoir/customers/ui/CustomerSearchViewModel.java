package fr.comptoir.customers.ui;

import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerMatch;
import fr.comptoir.customers.CustomerQuery;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Search as you type: every change of the query searches the cache (offline-proof) and, when the
 * terminal is online and the typing pauses, the central platform for customers the cache does not hold,
 * on the network's own threads (a slow platform never holds the cache's answers back). Answers that come
 * back after a newer keystroke are dropped. JavaFX thread only.
 */
public final class CustomerSearchViewModel {

    public static final int LIMIT = 30;

    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<CustomerMatch> results = FXCollections.observableArrayList();
    private final Function<CustomerQuery, List<CustomerMatch>> local;
    private final Function<String, List<Customer>> central;
    private final BooleanSupplier online;
    private final TaskRunner runner;
    private final TaskRunner network;
    private final long pauseMillis;
    private final I18n i18n;
    private volatile long generation;
    private long answered;
    private Consumer<Customer> pendingChoice;

    public CustomerSearchViewModel(Function<CustomerQuery, List<CustomerMatch>> local, Function<String, List<Customer>> central,
                                   BooleanSupplier online, TaskRunner runner, I18n i18n) {
        this(local, central, online, runner, runner, java.time.Duration.ZERO, i18n);
    }

    /**
     * @param network runs the central platform's search (threads of their own)
     * @param pause   how long the typing must pause before the central platform is asked
     */
    public CustomerSearchViewModel(Function<CustomerQuery, List<CustomerMatch>> local, Function<String, List<Customer>> central,
                                   BooleanSupplier online, TaskRunner runner, TaskRunner network, java.time.Duration pause, I18n i18n) {
        this.local = local;
        this.central = central;
        this.online = online;
        this.runner = runner;
        this.network = network;
        this.pauseMillis = pause.toMillis();
        this.i18n = i18n;
        query.addListener((obs, old, now) -> search(now));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<CustomerMatch> results() {
        return results;
    }

    /**
     * Enter in the search box (a scanner ends a loyalty card with it): choose the one exact match, now
     * or as soon as the search typed so far answers. Several or no exact matches choose nothing.
     */
    public void chooseSingleExact(Consumer<Customer> onChosen) {
        if (answered == generation) {
            singleExact().ifPresent(onChosen);
        } else {
            pendingChoice = onChosen;
        }
    }

    private java.util.Optional<Customer> singleExact() {
        List<CustomerMatch> exact = results.stream().filter(m -> m.strength() == CustomerMatch.Strength.EXACT).toList();
        if (exact.size() == 1) {
            return java.util.Optional.of(exact.get(0).customer());
        }
        return results.size() == 1 ? java.util.Optional.of(results.get(0).customer()) : java.util.Optional.empty();
    }

    private void search(String text) {
        long mine = ++generation;
        pendingChoice = null;
        String typed = text == null ? "" : text.strip();
        CustomerQuery q = CustomerQuery.parse(typed);
        if (q instanceof CustomerQuery.TooShort shortQuery) {
            results.clear();
            answered = mine;
            message.set(typed.isEmpty() ? i18n.get("customers.hint") : i18n.get("customers.tooShort", shortQuery.minimum()));
            return;
        }
        boolean askCentral = online.getAsBoolean();
        runner.run(() -> local.apply(q), found -> {
            if (mine != generation) {
                return;
            }
            results.setAll(found);
            answered = mine;
            if (pendingChoice != null) {
                Consumer<Customer> choice = pendingChoice;
                pendingChoice = null;
                singleExact().ifPresent(choice);
            }
            if (askCentral) {
                message.set(found.isEmpty() ? i18n.get("customers.searchingCentral") : "");
                searchCentral(mine, typed);
            } else {
                message.set(found.isEmpty() ? i18n.get("customers.none", typed) : "");
            }
        }, failure -> {
            if (mine == generation) {
                message.set(failure.getMessage());
            }
        });
    }

    private void searchCentral(long mine, String typed) {
        network.run(() -> {
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
            // Typed on meanwhile: this query is not the one to ask the platform about.
            return mine == generation ? central.apply(typed) : null;
        }, remote -> {
            if (mine != generation || remote == null) {
                return;
            }
            Set<String> known = new HashSet<>();
            results.forEach(m -> {
                known.add(m.customer().id());
                if (m.customer().localId() != null) {
                    known.add(m.customer().localId());
                }
            });
            List<CustomerMatch> extra = new ArrayList<>();
            for (Customer c : remote) {
                if (!known.contains(c.id()) && (c.localId() == null || !known.contains(c.localId()))) {
                    extra.add(new CustomerMatch(c, CustomerMatch.Strength.PREFIX, CustomerMatch.Source.CENTRAL));
                }
            }
            results.addAll(extra);
            message.set(results.isEmpty() ? i18n.get("customers.none", typed) : "");
        }, failure -> {
            // Offline or refused: the cache's answer stands.
            if (mine == generation && results.isEmpty()) {
                message.set(i18n.get("customers.none", typed));
            }
        });
    }
}
