package fr.comptoir.sale;

import fr.comptoir.customers.Customer;

import java.util.List;

/** A basket set aside (the customer went to try something on) to be taken up again at this till. */
public record ParkedSale(String id, String parkedAt, String parkedBy, Customer customer, List<BasketLine> lines) {

    public ParkedSale {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public long totalCents() {
        return lines.stream().mapToLong(BasketLine::totalCents).sum();
    }
}
