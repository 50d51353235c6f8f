package fr.comptoir.storage;

import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerMatch;
import fr.comptoir.customers.CustomerQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteCustomerSearchTest {

    @TempDir
    Path dir;
    SqliteDatabase db;
    SqliteCustomerSearch search;

    static Customer c(String id, String first, String last, String email, String phone, String card) {
        return new Customer(id, first, last, email, phone, card, Customer.LoyaltyTier.NONE, 0, false, false, null);
    }

    @BeforeEach
    void fill() {
        db = SqliteDatabase.open(dir.resolve("cache.db"), "cache");
        new SqliteFeedCache(db, fr.comptoir.storage.CanonicalJson.codec()).applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            h.upsert(c("1", "Hélène", "Martin", "helene.martin@orange.fr", "06 12 34 56 78", "2900000000018"));
            h.upsert(c("2", "Marie", "Curie", "marie.curie@free.fr", "+33 7 11 22 33 44", null));
            h.upsert(c("3", "Jean", "de La Fontaine", "jdlf@laposte.net", "0698765432", null));
            h.upsert(c("4", "Martine", "Hélenec", "martine@gmail.com", null, "2900000000025"));
            h.upsert(c("5", "Zoé", "N'Diaye", null, "0033 6 00 00 00 01", null));
            h.upsert(c("6", "Jean-Baptiste", "Dubois-Martin", "jb@sfr.fr", null, null));
            return new FeedPage("x", false, 6, 0);
        }, 1);
        search = new SqliteCustomerSearch(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    List<String> ids(String q) {
        return search.search(CustomerQuery.parse(q), 20).stream().map(m -> m.customer().id()).toList();
    }

    @org.junit.jupiter.api.Test
    void namesakesComeNewestFirstAndOnlyNamesAreSearchedByName() {
        new SqliteFeedCache(db, fr.comptoir.storage.CanonicalJson.codec()).applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            for (String[] n : new String[][]{{"n1", "2020-03-01"}, {"n2", "2024-06-01"}, {"n3", "2022-01-15"}}) {
                h.upsert(new Customer(n[0], "Anaïs", "Nin", "anais.nin." + n[0] + "@orange.fr", null, null, Customer.LoyaltyTier.NONE, 0, false,
                        false, n[1]));
            }
            // A name word only in an e-mail address does not make a name match.
            h.upsert(new Customer("n4", "Zoé", "Blanc", "nin@free.fr", null, null, Customer.LoyaltyTier.NONE, 0, false, false, "2025-01-01"));
            return new FeedPage("y", false, 4, 0);
        }, 2);

        assertThat(ids("anaïs nin")).containsExactly("n2", "n3", "n1");
        assertThat(ids("nin")).containsExactly("n2", "n3", "n1");
        assertThat(ids("nin@")).containsExactly("n4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"helene", "HÉLÈNE", "Hélène", "hélène mar", "martin hel"})
    void namesAreAccentAndCaseInsensitiveAndMatchAnyWordsPrefix(String q) {
        assertThat(ids(q)).first().isEqualTo("1");
    }

    @Test
    void aPrefixFindsEveryNameStartingWithIt() {
        assertThat(ids("hel")).containsExactlyInAnyOrder("1", "4");
        assertThat(ids("HEL")).isEqualTo(ids("hél"));
    }

    @Test
    void exactWordsComeBeforePrefixes() {
        List<CustomerMatch> matches = search.search(CustomerQuery.parse("martin"), 20);
        // Both are exact; the one with fewer other words (Hélène Martin) is the closer match.
        assertThat(matches).extracting(m -> m.customer().id()).startsWith("1", "6").contains("4");
        assertThat(matches.get(0).strength()).isEqualTo(CustomerMatch.Strength.EXACT);
        assertThat(matches).filteredOn(m -> m.customer().id().equals("4")).singleElement()
                .extracting(CustomerMatch::strength).isEqualTo(CustomerMatch.Strength.PREFIX);
    }

    @Test
    void particlesHyphensAndApostrophes() {
        assertThat(ids("mar cur")).containsExactly("2");
        assertThat(ids("de la")).containsExactly("3");
        assertThat(ids("la fontaine")).containsExactly("3");
        assertThat(ids("jean-baptiste")).containsExactly("6");
        assertThat(ids("dubois")).containsExactly("6");
        assertThat(ids("diaye")).containsExactly("5");
        assertThat(ids("jean")).containsExactlyInAnyOrder("3", "6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "+33612345678", "06.12.34.56.78", "0612"})
    void phonesInAnyFormat(String q) {
        assertThat(ids(q)).contains("1").doesNotContain("2");
    }

    @Test
    void phonesStoredInInternationalFormatAreFoundFromTheNationalOne() {
        assertThat(ids("07 11 22 33 44")).containsExactly("2");
        assertThat(ids("06 00 00 00 01")).containsExactly("5");
    }

    @Test
    void emailsByTheirStart() {
        assertThat(ids("helene.martin@orange.fr")).containsExactly("1");
        assertThat(ids("MARIE.CURIE@")).containsExactly("2");
        assertThat(ids("jb@")).containsExactly("6");
    }

    @Test
    void loyaltyCardsTypedOrScanned() {
        assertThat(ids("2900000000025")).containsExactly("4");
        assertThat(search.search(CustomerQuery.parse("2900000000025"), 20).get(0).strength()).isEqualTo(CustomerMatch.Strength.EXACT);
        assertThat(ids("29000000000")).containsExactlyInAnyOrder("1", "4");
    }

    @Test
    void tooShortOrNothingFound() {
        assertThat(CustomerQuery.parse("h")).isInstanceOf(CustomerQuery.TooShort.class);
        assertThat(CustomerQuery.parse("061")).isInstanceOf(CustomerQuery.TooShort.class);
        assertThat(CustomerQuery.parse("  ")).isInstanceOf(CustomerQuery.TooShort.class);
        assertThat(ids("h")).isEmpty();
        assertThat(ids("xyzzy")).isEmpty();
        assertThat(ids("\"; DROP TABLE customers; --")).isEmpty();
        assertThat(ids("helene")).isNotEmpty();
    }
}
