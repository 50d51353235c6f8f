package fr.comptoir.uikit;

import fr.comptoir.centralapi.Feed;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The product's words: the same keys in French and English, no apostrophe MessageFormat would eat, every feed named. */
class I18nTest {

    @Test
    void everyKeyExistsInBothLanguages() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties fr = new java.util.Properties();
        try (var a = I18n.class.getResourceAsStream("messages.properties");
             var b = I18n.class.getResourceAsStream("messages_fr.properties")) {
            en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            fr.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(fr.keySet()).isEqualTo(en.keySet());
        // A key written twice silently keeps its last text: each is written once.
        for (String bundle : java.util.List.of("messages.properties", "messages_fr.properties")) {
            try (var in = I18n.class.getResourceAsStream(bundle)) {
                java.util.Map<String, Long> keys = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("="))
                        .collect(java.util.stream.Collectors.groupingBy(l -> l.substring(0, l.indexOf('=')).strip(), java.util.stream.Collectors.counting()));
                assertThat(keys).as(bundle).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1L));
            }
        }
        // Every feed the Sync screen and the first sync name has its words.
        for (Feed<?> feed : Feed.ALL) {
            assertThat(en).containsKey("feed." + feed.name());
        }
        // Every text goes through MessageFormat, where a lone apostrophe silently disappears.
        for (java.util.Properties p : java.util.List.of(en, fr)) {
            p.forEach((k, v) -> assertThat(v.toString().replace("''", "")).as(k.toString()).doesNotContain("'"));
        }
    }

    /**
     * Every key the code asks for, written out ({@code i18n.get("sell.added", ...)}) or made from a value
     * ({@code "feed." + feed}), is in both bundles: no "!feed.promotions!" on a screen.
     */
    @Test
    void everyKeyTheCodeUsesExistsInBothLanguages() throws Exception {
        java.util.Set<String> used = new java.util.TreeSet<>();
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("i18n(?:\\(\\))?\\.get\\(\\s*\"([^\"]+)\"\\s*[,)]");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src", "main", "java"))) {
            for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = literal.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("keys found in the code").hasSizeGreaterThan(300);
        Feed.ALL.forEach(f -> used.add("feed." + f.name()));
        for (fr.comptoir.common.WriteKind k : fr.comptoir.common.WriteKind.values()) {
            used.add("write." + k.wire());
        }
        for (fr.comptoir.shell.MainView.Section s : fr.comptoir.shell.MainView.Section.values()) {
            used.add("nav." + s.name().toLowerCase());
        }
        // The till's words made from values: kinds of closing, reasons cash moves, ways of paying, and the
        // screen's buttons (named by key, not through i18n.get).
        for (fr.comptoir.till.Closing.Kind k : fr.comptoir.till.Closing.Kind.values()) {
            used.add("closing.kind." + k.name());
            used.add("closing.title." + k.name());
        }
        for (fr.comptoir.till.CashMovement.Reason r : fr.comptoir.till.CashMovement.Reason.values()) {
            used.add("till.reason." + r.name());
        }
        for (fr.comptoir.sale.Payment.Tender t : fr.comptoir.sale.Payment.Tender.values()) {
            used.add("tender." + t.name());
        }
        // A refusal of the till names the key it is said with, wherever it is thrown.
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src", "main", "java", "fr", "comptoir"))) {
            java.util.regex.Pattern refused = java.util.regex.Pattern.compile("Refused\\(\"([a-zA-Z.]+)\"");
            for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = refused.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src", "main", "java", "fr", "comptoir", "till"))) {
            java.util.regex.Pattern keyArg = java.util.regex.Pattern.compile("\"((?:till|closing|training)\\.[A-Za-z.]+)\"");
            for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = keyArg.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        for (fr.comptoir.shell.SyncViewModel.Action a : fr.comptoir.shell.SyncViewModel.Action.values()) {
            used.add("sync.resolved." + a.name().toLowerCase(Locale.ROOT));
        }
        for (Enum<?>[] values : java.util.List.<Enum<?>[]>of(fr.comptoir.staff.Role.values(), fr.comptoir.customers.Customer.LoyaltyTier.values(),
                fr.comptoir.orders.Order.Channel.values(), fr.comptoir.orders.Order.OrderStatus.values(), fr.comptoir.customers.OnlineCart.Channel.values(),
                fr.comptoir.sale.DiscountReason.values())) {
            String prefix = switch (values[0].getDeclaringClass().getSimpleName()) {
                case "Role" -> "role.";
                case "LoyaltyTier" -> "tier.";
                case "Channel" -> "channel.";
                case "OrderStatus" -> "status.";
                default -> "reason.";
            };
            for (Enum<?> v : values) {
                used.add(prefix + v.name());
            }
        }
        for (Locale locale : java.util.List.of(Locale.ENGLISH, Locale.FRENCH)) {
            I18n i18n = new I18n(locale);
            assertThat(used.stream().filter(k -> i18n.get(k).startsWith("!")).toList()).as("keys missing in " + locale).isEmpty();
        }
    }

    @Test
    void aMissingKeyShowsItselfRatherThanNothing() {
        assertThat(new I18n(Locale.FRENCH).get("no.such.key")).isEqualTo("!no.such.key!");
        assertThat(new I18n(Locale.GERMAN).locale()).isEqualTo(Locale.ENGLISH);
    }
}
