package fr.comptoir.sale.ui;

import fr.comptoir.common.Money;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.DiscountPolicy;
import fr.comptoir.sale.DiscountReason;
import fr.comptoir.sale.TillAudit;
import fr.comptoir.sale.TillEvent;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import fr.comptoir.staff.StaffMember;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;
import java.util.function.Function;

/**
 * Giving a discount on a line or on the whole basket, with a reason; above the policy's threshold a
 * manager approves with their PIN before anything changes. JavaFX thread only.
 */
public final class DiscountViewModel {

    private final StringProperty amount = new SimpleStringProperty("");
    private final ObjectProperty<DiscountReason> reason = new SimpleObjectProperty<>();
    private final StringProperty managerPin = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty needsApproval = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final Basket basket;
    private final int lineIndex;
    private final DiscountPolicy policy;
    private final Function<String, Optional<StaffMember>> approve;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Runnable onDone;
    private final TillAudit audit;

    /**
     * @param lineIndex the line to discount, or -1 for the whole basket
     * @param audit     where approvals and refused PINs are journaled
     */
    public DiscountViewModel(Basket basket, int lineIndex, DiscountPolicy policy, Function<String, Optional<StaffMember>> approve,
                             TillAudit audit, TaskRunner runner, I18n i18n, Runnable onDone) {
        this.basket = basket;
        this.audit = audit;
        this.lineIndex = lineIndex;
        this.policy = policy;
        this.approve = approve;
        this.runner = runner;
        this.i18n = i18n;
        this.onDone = onDone;
        amount.addListener((o, a, b) -> refreshApproval());
        reason.addListener((o, a, b) -> refreshApproval());
    }

    private void refreshApproval() {
        needsApproval.set(cents().map(c -> policy.needsApproval(base(), c, reason.get())).orElse(false)
                || reason.get() == DiscountReason.PRICE_OVERRIDE);
    }

    /** A price override: the new unit price of the line, turned into the discount it amounts to. */
    public void newUnitPrice(String text) {
        Long price = PaymentViewModel.parse(text == null ? "" : text);
        if (lineIndex < 0 || price == null) {
            message.set(i18n.get("discount.badPrice"));
            return;
        }
        long unit = basket.lines().get(lineIndex).unitPriceCents();
        if (price >= unit) {
            message.set(i18n.get("discount.priceNotLower", Money.ofCents(unit).format(i18n.formats())));
            return;
        }
        reason.set(DiscountReason.PRICE_OVERRIDE);
        amount.set(Money.ofCents((unit - price) * basket.lines().get(lineIndex).quantity()).toBigDecimal().toPlainString().replace('.', ','));
    }

    public boolean forLine() {
        return lineIndex >= 0;
    }

    /** What the discount applies to: the line's gross amount, or what the basket costs now. */
    public long base() {
        return lineIndex < 0 ? basket.totalCents() : basket.lines().get(lineIndex).grossCents();
    }

    public String baseText() {
        return Money.ofCents(base()).format(i18n.formats());
    }

    public void percent(int percent) {
        amount.set(Money.ofCents(DiscountPolicy.percentOf(base(), percent * 100)).toBigDecimal().toPlainString().replace('.', ','));
    }

    private Optional<Long> cents() {
        Long c = PaymentViewModel.parse(amount.get() == null ? "" : amount.get());
        return Optional.ofNullable(c);
    }

    public void apply() {
        Optional<Long> c = cents();
        if (c.isEmpty() || c.get() <= 0 || c.get() > base()) {
            message.set(i18n.get("discount.badAmount", baseText()));
            return;
        }
        if (reason.get() == null) {
            message.set(i18n.get("discount.reasonRequired"));
            return;
        }
        long value = c.get();
        if (!policy.needsApproval(base(), value, reason.get())) {
            commit(value, null);
            return;
        }
        String pin = managerPin.get();
        if (pin == null || pin.isBlank()) {
            message.set(i18n.get("discount.approvalRequired"));
            return;
        }
        busy.set(true);
        DiscountReason why = reason.get();
        String detail = why.name() + (lineIndex < 0 ? " basket" : " " + basket.lines().get(lineIndex).sku());
        runner.run(() -> {
            Optional<StaffMember> manager = approve.apply(pin);
            if (manager.isEmpty()) {
                audit.record(TillEvent.Type.APPROVAL_REFUSED, null, value, detail);
            } else {
                audit.record(why == DiscountReason.PRICE_OVERRIDE ? TillEvent.Type.PRICE_OVERRIDDEN
                        : TillEvent.Type.DISCOUNT_APPROVED, manager.get().id(), value, detail);
            }
            return manager;
        }, manager -> {
            busy.set(false);
            managerPin.set("");
            if (manager.isEmpty()) {
                message.set(i18n.get("discount.wrongPin"));
            } else {
                commit(value, manager.get().id());
            }
        }, failure -> {
            busy.set(false);
            message.set(failure.getMessage());
        });
    }

    private void commit(long value, String approver) {
        try {
            if (lineIndex < 0) {
                basket.discountBasket(value, reason.get(), approver);
            } else {
                basket.discountLine(lineIndex, value, reason.get(), approver);
            }
        } catch (fr.comptoir.sale.Basket.BelowPaid refused) {
            message.set(i18n.get("sell.belowPaid", Money.ofCents(refused.paidCents()).format(i18n.formats())));
            return;
        }
        onDone.run();
    }

    public StringProperty amountProperty() { return amount; }
    public ObjectProperty<DiscountReason> reasonProperty() { return reason; }
    public StringProperty managerPinProperty() { return managerPin; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty needsApprovalProperty() { return needsApproval; }
    public BooleanProperty busyProperty() { return busy; }
}
