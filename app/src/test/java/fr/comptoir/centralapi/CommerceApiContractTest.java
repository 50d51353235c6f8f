package fr.comptoir.centralapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.comptoir.catalog.Product;
import fr.comptoir.catalog.StockLevel;
import fr.comptoir.catalog.Variant;
import fr.comptoir.customers.Customer;
import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;
import fr.comptoir.staff.StaffEvent;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.stores.Store;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/commerce-api.yaml and the code that speaks it in step: records and schemas, feeds, idempotency
 * keys. {@link ContractConformanceTest} checks the exchanges themselves.
 */
class CommerceApiContractTest {

    static JsonNode api;

    @BeforeAll
    static void load() throws IOException {
        api = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "docs", "commerce-api.yaml").toFile());
    }

    @Test
    void everyFeedTheAppReadsIsInTheContract() {
        Set<String> feeds = new HashSet<>();
        api.at("/paths/~1v1~1feeds~1{feed}/get/parameters/0/schema/enum").forEach(n -> feeds.add(n.asText()));
        for (Feed<?> f : Feed.ALL) {
            assertThat(feeds).contains(f.name());
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {Store.class, StaffMember.class, Product.class, Variant.class, StockLevel.class, Customer.class,
            Order.class, OrderLine.class, StaffEvent.class, DeviceActivation.class, PlatformHealth.class,
            fr.comptoir.customers.OnlineCart.class, fr.comptoir.customers.OnlineCart.CartLine.class,
            fr.comptoir.customers.CustomerNote.class, fr.comptoir.sale.SaleRecord.class, fr.comptoir.sale.Payment.class,
            fr.comptoir.sale.VatLine.class, fr.comptoir.catalog.Promotion.class,
            fr.comptoir.catalog.PriceList.class, fr.comptoir.sale.TillEvent.class, FeedSummary.class,
            fr.comptoir.pickups.Pickup.class, fr.comptoir.pickups.Pickup.PickupLine.class, fr.comptoir.pickups.Pickup.PickupCustomer.class,
            fr.comptoir.pickups.Pickup.PickupHandover.class, fr.comptoir.pickups.Handover.class,
            fr.comptoir.pickups.Handover.HandoverVerification.class, fr.comptoir.pickups.Handover.HandoverLine.class,
            fr.comptoir.pickups.PickupPrepared.class, fr.comptoir.pickups.PickupDeskAction.class, fr.comptoir.pickups.HandoverReceiptEmail.class})
    void recordsAndSchemasHaveTheSameFields(Class<? extends Record> type) {
        JsonNode schema = api.at("/components/schemas/" + type.getSimpleName());
        assertThat(schema.isMissingNode()).as("schema " + type.getSimpleName()).isFalse();
        Set<String> properties = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = new HashSet<>();
        Arrays.stream(type.getRecordComponents()).forEach(c -> components.add(c.getName()));
        assertThat(properties).as("schema %s documents every field", type.getSimpleName()).containsAll(components);
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(n -> required.add(n.asText()));
        assertThat(components).as("record %s holds every required field", type.getSimpleName()).containsAll(required);
    }

    @Test
    void writesDeclareTheIdempotencyKey() {
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getKey().equals("get")) {
                boolean hasKey = false;
                for (JsonNode p : op.getValue().path("parameters")) {
                    hasKey |= p.path("$ref").asText().endsWith("/IdempotencyKey");
                }
                assertThat(hasKey).as(op.getKey() + " " + path.getKey()).isTrue();
            }
        }));
    }
}
