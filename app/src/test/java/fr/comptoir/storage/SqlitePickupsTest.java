package fr.comptoir.storage;

import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.pickups.Pickup;
import fr.comptoir.pickups.PickupCode;
import fr.comptoir.pickups.PickupQuery;
import fr.comptoir.pickups.PickupQueue;
import fr.comptoir.pickups.PickupStatus;
import fr.comptoir.staff.PinHasher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlitePickupsTest {

    static final Instant NOW = Instant.parse("2026-12-02T11:00:00Z");

    @TempDir
    Path dir;
    SqliteDatabase db;
    SqliteFeedCache cache;
    SqlitePickups queue;

    static Pickup p(String id, String number, PickupStatus status, String first, String last, String phone, String email, String code,
                    String promisedAt, String expiresAt, String handedOverAt) {
        List<Pickup.PickupHandover> rounds = handedOverAt == null ? List.of() : List.of(new Pickup.PickupHandover(handedOverAt, "d", "st", "s"));
        return new Pickup(id, number, "st-par01", status, "cus-" + id, new Pickup.PickupCustomer(first, last, phone, email), List.of(),
                "2026-11-30T10:00:00Z", promisedAt, null, expiresAt, 5_999, 5_999, 0, 0, status == PickupStatus.TO_PREPARE ? null : "B-04",
                PinHasher.hash(code, 1_000), PickupCode.bucket(code),
                List.of(new Pickup.PickupLine(id + "-1", "v1", "R-1", null, "Robe", "M", "Noir", 1, 5_999, 2000, 1, 0,
                        status == PickupStatus.COLLECTED ? 1 : 0, 0)), rounds, null);
    }

    @BeforeEach
    void fill() {
        db = SqliteDatabase.open(dir.resolve("cache.db"), "cache");
        cache = new SqliteFeedCache(db, CanonicalJson.codec());
        cache.applyPage(Feed.PICKUPS, (cursor, h) -> {
            h.upsert(p("o1", "W00012345", PickupStatus.READY, "Hélène", "Martin", "06 12 34 56 78", "Helene.Martin@orange.fr", "482913",
                    "2026-12-01T10:00:00Z", "2026-12-08T10:00:00Z", null));
            h.upsert(p("o2", "A00098765", PickupStatus.TO_PREPARE, "Zoé", "N'Diaye", "+33 7 11 22 33 44", null, "111111",
                    "2026-12-02T09:00:00Z", null, null));
            h.upsert(p("o3", "W00055555", PickupStatus.TO_PREPARE, "Jean", "de La Fontaine", null, "jdlf@laposte.net", "222222",
                    "2026-12-03T09:00:00Z", null, null));
            h.upsert(p("o4", "W00077777", PickupStatus.COLLECTED, "Marie", "Curie", null, null, "333333",
                    "2026-11-28T09:00:00Z", "2026-12-05T09:00:00Z", "2026-12-02T08:30:00Z"));
            h.upsert(p("o5", "W00066666", PickupStatus.READY, "Marc", "Martin", null, null, "444444",
                    "2026-11-20T09:00:00Z", "2026-11-27T09:00:00Z", null));
            h.upsert(p("o6", "A00012399", PickupStatus.EXPIRED, "Léa", "Moreau", null, null, "555555",
                    "2026-11-10T09:00:00Z", "2026-11-17T09:00:00Z", null));
            return new FeedPage("x", false, 6, 0);
        }, 1);
        queue = new SqlitePickups(db, CanonicalJson.codec(), ZoneId.of("Europe/Paris"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    List<String> found(String typed) {
        return queue.search(PickupQuery.parse(typed), NOW, 50).stream().map(PickupQueue.Row::orderId).toList();
    }

    @Test
    void everyKeyACustomerGivesFindsTheOrderWhateverTheWayItIsTyped() {
        assertThat(found("W00012345")).containsExactly("o1");
        assertThat(found("12345")).as("any part of the number").containsExactly("o1");
        assertThat(found("w0001")).containsExactly("o1");
        assertThat(found("helene")).as("accents ignored").containsExactly("o1");
        assertThat(found("MARTIN")).containsExactlyInAnyOrder("o1", "o5");
        assertThat(found("hélène martin")).containsExactly("o1");
        assertThat(found("n'diaye")).containsExactly("o2");
        assertThat(found("0612345678")).as("phone as typed").containsExactly("o1");
        assertThat(found("+33 6 12 34")).containsExactly("o1");
        assertThat(found("07 11 22")).containsExactly("o2");
        assertThat(found("helene.martin@")).as("e-mail, any case").containsExactly("o1");
        assertThat(found("482913")).as("a pickup code finds its bucket").contains("o1");
        assertThat(found(PickupCode.qr("W00012345", "482913"))).as("a scanned QR code").containsExactly("o1");
        assertThat(found("x")).as("too short").isEmpty();
        assertThat(found("nobody")).isEmpty();
    }

    @Test
    void theTabsCountAndSortByUrgencyAndFlagWhatIsOverdue() {
        assertThat(queue.counts(NOW)).containsEntry(PickupQueue.Tab.TO_PREPARE, 2).containsEntry(PickupQueue.Tab.READY, 2)
                .containsEntry(PickupQueue.Tab.PARTLY_COLLECTED, 0).containsEntry(PickupQueue.Tab.COLLECTED_TODAY, 1)
                .containsEntry(PickupQueue.Tab.OVERDUE, 3);
        assertThat(queue.tab(PickupQueue.Tab.TO_PREPARE, NOW, 50)).extracting(PickupQueue.Row::orderId)
                .as("the promised time first").containsExactly("o2", "o3");
        assertThat(queue.tab(PickupQueue.Tab.TO_PREPARE, NOW, 50)).extracting(PickupQueue.Row::overdue).containsExactly(true, false);
        assertThat(queue.tab(PickupQueue.Tab.OVERDUE, NOW, 50)).extracting(PickupQueue.Row::orderId)
                .as("past the promise, past the expiry, expired").containsExactlyInAnyOrder("o2", "o5", "o6");
        assertThat(queue.tab(PickupQueue.Tab.COLLECTED_TODAY, NOW, 50)).extracting(PickupQueue.Row::orderId).containsExactly("o4");
        PickupQueue.Row row = queue.tab(PickupQueue.Tab.READY, NOW, 50).get(0);
        assertThat(row.customerName()).isEqualTo("Marc Martin");
        assertThat(row.shelf()).isEqualTo("B-04");
        assertThat(row.openUnits()).isEqualTo(1);
    }

    @Test
    void anOrderChangedAtTheDeskShowsUntilTheFeedBringsThePlatformsAndADeletedOneGoesWhole() {
        Pickup ready = queue.pickup("o1").orElseThrow();
        assertThat(ready.customer().fullName()).isEqualTo("Hélène Martin");
        queue.applyLocal(p("o1", "W00012345", PickupStatus.COLLECTED, "Hélène", "Martin", "06 12 34 56 78", null, "482913",
                "2026-12-01T10:00:00Z", "2026-12-08T10:00:00Z", NOW.toString()));
        assertThat(queue.pickup("o1").orElseThrow().status()).isEqualTo(PickupStatus.COLLECTED);
        assertThat(queue.counts(NOW)).containsEntry(PickupQueue.Tab.COLLECTED_TODAY, 2);
        cache.applyPage(Feed.PICKUPS, (cursor, h) -> {
            h.delete("o1");
            return new FeedPage("y", false, 1, 0);
        }, 2);
        assertThat(queue.pickup("o1")).isEmpty();
        assertThat(found("W00012345")).isEmpty();
    }
}
