package fr.comptoir.customers.ui;

import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerMatch;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Ui;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/** A compact customer search whose choice is handed to {@code onChosen} (e.g. to attach to the sale). */
public final class CustomerPicker {

    private final VBox root = new VBox(8);

    public CustomerPicker(CustomerSearchViewModel vm, I18n i18n, Consumer<Customer> onChosen) {
        TextField box = Ui.touchField("picker-search", i18n.get("customers.prompt"), vm.queryProperty());
        // A loyalty card scanned here ends with Enter: take the single exact match at once.
        box.setOnAction(e -> vm.chooseSingleExact(c -> {
            onChosen.accept(c);
            vm.queryProperty().set("");
        }));
        Label message = Ui.label("", "text-muted");
        message.textProperty().bind(vm.messageProperty());
        ListView<CustomerMatch> list = new ListView<>(vm.results());
        Ui.textCells(list, m -> m.customer().fullName() + (m.customer().email() == null ? "" : "\n" + m.customer().email()));
        list.setOnMouseClicked(e -> {
            CustomerMatch m = list.getSelectionModel().getSelectedItem();
            if (m != null) {
                onChosen.accept(m.customer());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        root.getChildren().addAll(box, message, list);
    }

    public Parent root() {
        return root;
    }
}
