package fr.comptoir.demo;

import fr.comptoir.catalog.Product;
import fr.comptoir.catalog.PriceList;
import fr.comptoir.catalog.Promotion;
import fr.comptoir.catalog.StockLevel;
import fr.comptoir.catalog.Variant;
import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerNote;
import fr.comptoir.customers.OnlineCart;
import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;
import fr.comptoir.pickups.Pickup;
import fr.comptoir.pickups.PickupCode;
import fr.comptoir.pickups.PickupMoney;
import fr.comptoir.pickups.PickupStatus;
import fr.comptoir.staff.PinHasher;
import fr.comptoir.staff.Role;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.stores.Store;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates a French fashion-and-home retail chain, deterministically for a given size, seed and date:
 * stores and a warehouse, staff with PINs, products with sizes, colours, EAN-13 codes and VAT rates,
 * stock per location, customers with French names, phones and consent, two years of orders in every
 * channel including click-and-collect orders in every state for each store, and past returns.
 */
public final class DemoDataGenerator {

    /** Demo PINs, shown on the sign-in screen of the demo store. */
    public static final String ASSOCIATE_PIN = "1234";
    public static final String MANAGER_PIN = "9876";
    /** Activation code of the demo store (Paris Rivoli); other stores use their code, e.g. "DEMO-LYO01". */
    public static final String DEMO_ACTIVATION_CODE = "DEMO";

    static final String[][] STORES = {
            {"PAR01", "Paris Rivoli", "Paris"}, {"LYO01", "Lyon Part-Dieu", "Lyon"},
            {"BDX01", "Bordeaux Sainte-Catherine", "Bordeaux"}, {"LIL01", "Lille Grand Place", "Lille"},
            {"MRS01", "Marseille Terrasses du Port", "Marseille"}};
    static final String WAREHOUSE_ID = "wh-orleans";

    private static final String[] FIRST = {"Hélène", "Marie", "Jean-Baptiste", "Cécile", "François", "Zoé", "Anaïs",
            "Noël", "Léa", "Chloé", "Inès", "Jérôme", "Élodie", "Gaëlle", "Loïc", "Maëlys", "Thérèse", "Benoît",
            "Camille", "Lucas", "Hugo", "Manon", "Sébastien", "Aurélie", "Marie-Claire", "Pierre-Louis", "Agnès",
            "Raphaël", "Océane", "Clément", "Émilie", "Nathan", "Yasmine", "Karim", "Mathéo", "Solène", "Josée"};
    private static final String[] LAST = {"Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard",
            "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Müller", "Faure", "André", "Mercier",
            "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Perrin",
            "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand",
            "de La Fontaine", "Le Gall", "Le Goff", "d'Almeida", "N'Diaye", "Dubois-Martin", "de Saint-Exupéry",
            "Curie", "Hébert", "Lemaître", "Benoît", "Caron", "Pécresse", "Thévenin", "Da Silva", "Le Bihan"};
    /** How many first and last names customers are drawn from (their namesakes follow). */
    public static final int FIRST_NAMES = FIRST.length;
    public static final int LAST_NAMES = LAST.length;
    private static final String[] NOTES = {
            "Préfère les coupes droites, tissus naturels. Prévenir à l'arrivée de la nouvelle collection lin.",
            "A offert une bougie parfumée à sa mère ; anniversaire de celle-ci en mars.",
            "Taille M en hauts mais L en maille. Chausse du 38."};
    private static final String[] EMAIL_DOMAINS = {"orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr", "wanadoo.fr", "yahoo.fr"};

    private record Family(String category, String[] names, String[] sizes, int vatBp, int minPrice, int maxPrice) {
    }

    private static final String[] CLOTHING = {"XS", "S", "M", "L", "XL"};
    private static final String[] SHOES = {"36", "37", "38", "39", "40", "41", "42", "43", "44"};
    private static final String[] JEANS = {"34", "36", "38", "40", "42", "44"};
    private static final String[] ONE = {"TU"};
    private static final Family[] FAMILIES = {
            new Family("Femme > Robes", new String[]{"Robe portefeuille", "Robe chemise", "Robe longue fleurie", "Robe pull"}, CLOTHING, 2000, 3999, 12999),
            new Family("Femme > Hauts", new String[]{"Blouse en lin", "Chemisier rayé", "T-shirt col V", "Marinière"}, CLOTHING, 2000, 1499, 5999),
            new Family("Homme > Chemises", new String[]{"Chemise Oxford", "Chemise en lin", "Surchemise", "Chemise à carreaux"}, CLOTHING, 2000, 2999, 7999),
            new Family("Homme > Pantalons", new String[]{"Jean droit", "Chino", "Jean slim", "Pantalon à pinces"}, JEANS, 2000, 3999, 9999),
            new Family("Maille", new String[]{"Pull col roulé", "Cardigan", "Pull marin", "Gilet en laine"}, CLOTHING, 2000, 3999, 11999),
            new Family("Chaussures", new String[]{"Baskets en cuir", "Bottines", "Mocassins", "Espadrilles"}, SHOES, 2000, 4999, 15999),
            new Family("Maison > Déco", new String[]{"Vase en grès", "Bougie parfumée", "Coussin en velours", "Plaid en laine"}, ONE, 2000, 999, 8999),
            new Family("Maison > Cuisine", new String[]{"Mug en céramique", "Torchon en lin", "Saladier", "Planche à découper"}, ONE, 2000, 599, 4999),
            new Family("Épicerie fine", new String[]{"Chocolats pralinés", "Confiture artisanale", "Thé Earl Grey", "Biscuits au beurre"}, ONE, 550, 399, 2499),
            new Family("Livres", new String[]{"Livre de cuisine", "Carnet de voyage", "Beau livre Paris"}, ONE, 550, 1299, 4999),
            new Family("Fleurs", new String[]{"Bouquet de saison", "Plante verte", "Orchidée"}, ONE, 1000, 1499, 5999)};
    private static final String[] COLOURS = {"Noir", "Blanc", "Bleu marine", "Écru", "Rouge", "Vert sauge", "Camel", "Gris chiné"};
    private static final String[] BRANDS = {"Maison Comptoir", "Atelier Nord", "Les Filles du Sud", "Bel Ouvrage", "Côté Jardin", "Saint-Loup"};

    private final DemoSize size;
    private final long seed;
    private final LocalDate today;
    /** The first customers, who place the click-and-collect orders (their names and contacts go on the pickups). */
    private final List<Customer> pickupCustomers = new ArrayList<>();
    private static final int PICKUP_CUSTOMERS = 3_000;
    /** PBKDF2 iterations of demo pickup codes: checked offline at the desk in a few milliseconds. */
    public static final int PICKUP_CODE_ITERATIONS = 2_000;

    public DemoDataGenerator(DemoSize size, long seed, LocalDate today) {
        this.size = size;
        this.seed = seed;
        this.today = today;
    }

    /** Where generated records go, feed by feed. */
    public interface Sink {
        /** @param scope the store a record is private to (staff, pickups), or null when the whole chain sees it */
        void put(String feed, String id, String scope, Object record);
    }

    /** Generates the whole chain into {@code sink}, feed by feed, references before referrers. */
    public void generate(Sink sink) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Store> stores = stores();
        stores.forEach(s -> sink.put("stores", s.id(), null, s));

        generateStaff(sink, stores);
        List<VariantRef> variants = generateProducts(sink, rnd, stores);
        generateCustomers(sink, rnd);
        generateOrders(sink, rnd, variants, stores);
        generateCarts(sink, rnd, variants);
        generatePromotions(sink, variants);
        generatePriceLists(sink, variants);
    }

    /**
     * Three lists: Paris prices for flowers and fine food at the Paris store (in force), end-of-line
     * espadrilles chain-wide (in force), and winter sales on dresses from the second Wednesday of
     * January (not yet in force: the demo shows a price list waiting for its date).
     */
    private void generatePriceLists(Sink sink, List<VariantRef> variants) {
        String since = today.minusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        LocalDate january = LocalDate.of(today.getYear() + (today.getMonthValue() == 1 ? 0 : 1), 1, 1);
        LocalDate salesStart = january.with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(2, java.time.DayOfWeek.WEDNESDAY));
        String salesFrom = salesStart.atTime(8, 0).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant().toString();
        String salesTo = salesStart.plusWeeks(4).atTime(8, 0).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant().toString();
        sink.put("price-lists", "pl-paris", null, new PriceList("pl-paris", "Prix Paris", 10, List.of("st-par01"), since, null,
                priced(variants, v -> v.category().equals("Fleurs") || v.category().equals("Épicerie fine"), 110)));
        sink.put("price-lists", "pl-fin-de-serie", null, new PriceList("pl-fin-de-serie", "Fin de série", 5, List.of(), since, null,
                priced(variants, v -> v.name().startsWith("Espadrilles"), 60)));
        sink.put("price-lists", "pl-soldes-hiver", null, new PriceList("pl-soldes-hiver", "Soldes d'hiver", 20, List.of(), salesFrom, salesTo,
                priced(variants, v -> v.category().equals("Femme > Robes"), 70)));
    }

    /** The variants kept by {@code which} at {@code percent} of their base price, ending in ,99. */
    private static List<PriceList.Entry> priced(List<VariantRef> variants, java.util.function.Predicate<VariantRef> which, int percent) {
        return variants.stream().filter(which)
                .map(v -> new PriceList.Entry(v.id(), roundPrice(v.price() * percent / 100)))
                .toList();
    }

    private void generatePromotions(Sink sink, List<VariantRef> variants) {
        String from = today.minusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        String to = today.plusDays(60).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        List<String> mugs = variants.stream().filter(v -> v.name().startsWith("Mug")).map(VariantRef::id).limit(20).toList();
        List<Promotion> promotions = List.of(
                new Promotion("promo-maille", "−20 % maille", Promotion.Kind.PERCENT_OFF_CATEGORY, "Maille", null, 2000, null, null, null,
                        false, from, to, null),
                new Promotion("promo-mug", "Mug à 5 €", Promotion.Kind.FIXED_PRICE, null, mugs, null, 500L, null, null, false, from, to, null),
                new Promotion("promo-bougie", "2e bougie −50 %", Promotion.Kind.SECOND_ITEM_PERCENT_OFF, "Maison > Déco", null, 5000, null,
                        null, null, false, from, to, null),
                new Promotion("promo-panier", "10 € offerts dès 100 €", Promotion.Kind.BASKET_THRESHOLD, null, null, null, null, 10_000L,
                        1_000L, true, from, to, null));
        promotions.forEach(p -> sink.put("promotions", p.id(), null, p));
    }

    private void generateStaff(Sink sink, List<Store> stores) {
        String[][] people = {{"Camille Laurent", "MANAGER"}, {"Léo Martin", "ASSOCIATE"}, {"Sarah Benali", "ASSOCIATE"},
                {"Julien Moreau", "ASSOCIATE"}, {"Inès Fontaine", "ASSOCIATE"}};
        // One hash per PIN: hashing is deliberately slow, and demo staff share their demo PINs anyway.
        String associateHash = PinHasher.hash(ASSOCIATE_PIN);
        String managerHash = PinHasher.hash(MANAGER_PIN);
        int n = 0;
        for (Store store : stores) {
            if (store.type() != Store.StoreType.STORE) {
                continue;
            }
            for (String[] p : people) {
                Role role = Role.valueOf(p[1]);
                String id = "stf-" + store.code().toLowerCase(Locale.ROOT) + "-" + (++n);
                sink.put("staff", id, store.id(), new StaffMember(id, store.id(), p[0], role,
                        role == Role.MANAGER ? managerHash : associateHash, true));
            }
        }
    }

    /**
     * Where a product is kept in a demo store: its category's aisle and a bay of that aisle ("A3-12"), the same in
     * every store and at every generation.
     */
    static String location(VariantRef v) {
        return "A" + (1 + Math.floorMod(String.valueOf(v.category()).hashCode(), 9)) + "-"
                + String.format("%02d", 1 + Math.floorMod(v.baseName().hashCode(), 24));
    }

    record VariantRef(String id, String sku, String name, long price, int vatBp, String category, String ean, String size,
                      String colour, String baseName) {
    }

    private List<VariantRef> generateProducts(Sink sink, SplittableRandom rnd, List<Store> stores) {
        List<VariantRef> refs = new ArrayList<>();
        long eanCounter = 0;
        for (int i = 0; i < size.products; i++) {
            Family f = FAMILIES[rnd.nextInt(FAMILIES.length)];
            String baseName = f.names()[rnd.nextInt(f.names().length)];
            String brand = BRANDS[rnd.nextInt(BRANDS.length)];
            String productId = "prd-" + (i + 1);
            String reference = String.format("REF%06d", i + 1);
            long price = roundPrice(f.minPrice() + rnd.nextInt(f.maxPrice() - f.minPrice() + 1));
            int colourCount = f.sizes() == ONE ? 1 : 1 + rnd.nextInt(2);
            List<Variant> vs = new ArrayList<>();
            int colourStart = rnd.nextInt(COLOURS.length);
            for (int c = 0; c < colourCount; c++) {
                String colour = f.sizes() == ONE ? null : COLOURS[(colourStart + c) % COLOURS.length];
                for (String sz : f.sizes()) {
                    String vid = productId + "-" + (vs.size() + 1);
                    String ean = Ean13.withCheckDigit(String.format("376%09d", ++eanCounter));
                    String sku = reference + "-" + (colour == null ? "U" : colour.substring(0, 3).toUpperCase(Locale.ROOT)) + "-" + sz;
                    // One product in four was on sale in the last 30 days at 20 % off: the reference for returns without a receipt.
                    vs.add(new Variant(vid, sku, ean, sz.equals("TU") ? null : sz, colour, price, i % 4 == 2 ? Math.round(price * 0.8) : price));
                    refs.add(new VariantRef(vid, sku, baseName + (colour == null ? "" : " " + colour.toLowerCase(Locale.ROOT))
                            + (sz.equals("TU") ? "" : " T" + sz), price, f.vatBp(), f.category(), ean, sz.equals("TU") ? null : sz,
                            colour, baseName));
                }
            }
            String name = baseName + " " + brand.split(" ")[brand.split(" ").length - 1];
            sink.put("products", productId, null, new Product(productId, reference, name, brand, f.category(), f.vatBp(), vs));
            for (Variant v : vs) {
                for (Store s : stores) {
                    int onHand = s.type() == Store.StoreType.WAREHOUSE ? rnd.nextInt(200) : Math.max(0, rnd.nextInt(12) - 3);
                    int reserved = onHand == 0 ? 0 : rnd.nextInt(Math.min(onHand, 2) + 1);
                    String sid = s.id() + ":" + v.id();
                    sink.put("stock", sid, null, new StockLevel(sid, v.id(), s.id(), onHand, reserved));
                }
            }
        }
        return refs;
    }

    /** Shop prices end in ,99. */
    private static long roundPrice(long cents) {
        return cents / 100 * 100 + 99;
    }

    /** Comptoir Retail SAS, one establishment (SIRET) per store; a made-up SIREN whose numbers pass the Luhn check. */
    static fr.comptoir.stores.LegalIdentity legal(int n, String city) {
        String siren = "552100554";
        String nic = luhnCompleted(siren + String.format("%04d", n + 1));
        return new fr.comptoir.stores.LegalIdentity("Comptoir Retail SAS", (12 + n * 7) + " rue du Commerce, " + city,
                nic, "FR" + String.format("%02d", (12 + 3 * (Long.parseLong(siren) % 97)) % 97) + siren);
    }

    /** The 14-digit SIRET: 13 digits and the Luhn check digit. */
    private static String luhnCompleted(String thirteen) {
        for (int d = 0; d <= 9; d++) {
            String candidate = thirteen + d;
            int sum = 0;
            for (int i = 0; i < candidate.length(); i++) {
                int v = candidate.charAt(candidate.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    v *= 2;
                    if (v > 9) {
                        v -= 9;
                    }
                }
                sum += v;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    private static List<Store> stores() {
        List<Store> stores = new ArrayList<>();
        for (String[] s : STORES) {
            stores.add(new Store("st-" + s[0].toLowerCase(Locale.ROOT), s[0], "Comptoir " + s[1], s[2], Store.StoreType.STORE,
                    DemoRules.POLICY, legal(stores.size(), s[2])));
        }
        stores.add(new Store(WAREHOUSE_ID, "WH01", "Entrepôt Orléans", "Orléans", Store.StoreType.WAREHOUSE));
        return stores;
    }

    /** Only the stores and catalogue (products with stock) of this size, e.g. for the scan benchmark. */
    public void generateCatalog(Sink sink) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Store> stores = stores();
        stores.forEach(s -> sink.put("stores", s.id(), null, s));
        generatePriceLists(sink, generateProducts(sink, rnd, stores));
    }

    /** Only the customers of this size, e.g. to fill a cache for the search benchmark. */
    public void generateCustomers(Sink sink) {
        generateCustomers(sink, new SplittableRandom(seed));
    }

    private void generateCustomers(Sink sink, SplittableRandom rnd) {
        for (int i = 0; i < size.customers; i++) {
            String first = FIRST[rnd.nextInt(FIRST.length)];
            String last = LAST[rnd.nextInt(LAST.length)];
            // The first customer is always Hélène Martin, so the demo and its tests have someone to look for.
            if (i == 0) {
                first = "Hélène";
                last = "Martin";
            } else if (i == 1) {
                first = "Marie";
                last = "Curie";
            }
            String id = "cus-" + (i + 1);
            String email = rnd.nextInt(20) == 0 ? null
                    : ascii(first) + "." + ascii(last) + (i > 1 ? String.valueOf(i + 1) : "") + "@" + EMAIL_DOMAINS[rnd.nextInt(EMAIL_DOMAINS.length)];
            String phone = rnd.nextInt(10) == 0 ? null : phone(rnd);
            String card = rnd.nextInt(3) == 0 ? null : Ean13.withCheckDigit(String.format("290%09d", i + 1));
            Customer.LoyaltyTier tier = card == null ? Customer.LoyaltyTier.NONE
                    : Customer.LoyaltyTier.values()[1 + Math.min(2, rnd.nextInt(6) / 2)];
            int points = card == null ? 0 : rnd.nextInt(5000);
            String created = today.minusDays(30 + rnd.nextInt(2000)).toString();
            if (i == 0) {
                // The demo's regular customer: a full profile, whatever the draw gave.
                email = "helene.martin@orange.fr";
                phone = "06 12 34 56 78";
                card = Ean13.withCheckDigit(String.format("290%09d", 1));
                tier = Customer.LoyaltyTier.GOLD;
                points = 1_250;
            }
            Customer customer = new Customer(id, first, last, email, phone, card, tier, points,
                    email != null && rnd.nextInt(3) > 0, phone != null && rnd.nextInt(2) == 0, created);
            if (i == 0 || rnd.nextInt(10) == 0) {
                customer = customer.withClienteling(new Customer.Preferences(
                        List.of(CLOTHING[rnd.nextInt(CLOTHING.length)], SHOES[rnd.nextInt(SHOES.length)]),
                        List.of(FAMILIES[rnd.nextInt(FAMILIES.length)].category()), List.of(BRANDS[rnd.nextInt(BRANDS.length)])),
                        i == 0 ? List.of("prd-1-1", "prd-2-1") : List.of());
            }
            sink.put("customers", id, null, customer);
            if (i < PICKUP_CUSTOMERS) {
                pickupCustomers.add(customer);
            }
            if (i == 0 || rnd.nextInt(20) == 0) {
                int notes = i == 0 ? NOTES.length : 1;
                for (int n = 0; n < notes; n++) {
                    String noteId = id + "-note-" + (n + 1);
                    sink.put("customer-notes", noteId, null, new CustomerNote(noteId, id, NOTES[i == 0 ? n : rnd.nextInt(NOTES.length)],
                            "stf-par01-1", "Camille Laurent", "st-par01", today.minusDays(5 + 40L * n).atTime(15, 30).toInstant(ZoneOffset.UTC).toString()));
                }
            }
        }
    }

    private static String phone(SplittableRandom rnd) {
        int a = 6 + rnd.nextInt(2);
        String digits = String.format("%d%08d", a, rnd.nextInt(100_000_000));
        return switch (rnd.nextInt(3)) {
            case 0 -> "0" + digits.charAt(0) + " " + digits.substring(1, 3) + " " + digits.substring(3, 5) + " "
                    + digits.substring(5, 7) + " " + digits.substring(7, 9);
            case 1 -> "+33 " + digits.charAt(0) + " " + digits.substring(1, 3) + " " + digits.substring(3, 5) + " "
                    + digits.substring(5, 7) + " " + digits.substring(7, 9);
            default -> "0" + digits;
        };
    }

    static String ascii(String s) {
        String noAccents = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return noAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    private void generateOrders(Sink sink, SplittableRandom rnd, List<VariantRef> variants, List<Store> stores) {
        List<Store> shops = stores.stream().filter(s -> s.type() == Store.StoreType.STORE).toList();
        ZonedDateTime end = today.atTime(19, 0).atZone(ZoneOffset.UTC);
        int orderNo = 0;
        // Click-and-collect: every store's queue, dozens of orders in each state.
        for (Store shop : shops) {
            orderNo = generatePickups(sink, rnd, variants, shop, orderNo, end);
        }
        // The last one is Hélène Martin's web order of last week (below).
        while (orderNo < size.orders - 1) {
            int r = rnd.nextInt(100);
            Order.Channel channel = r < 45 ? Order.Channel.WEB : r < 65 ? Order.Channel.APP : Order.Channel.STORE;
            String customerId = "cus-" + (1 + rnd.nextInt(size.customers));
            if (orderNo % Math.max(50, size.orders / 25) == 0) {
                // Hélène Martin buys in every channel, so her history shows what clienteling is about.
                customerId = "cus-1";
                channel = Order.Channel.values()[(orderNo / Math.max(50, size.orders / 25)) % Order.Channel.values().length];
            }
            // Two years of history, one order in five in the last four weeks (what comes back to the returns counter).
            ZonedDateTime at = end.minusMinutes(rnd.nextInt(orderNo % 5 == 0 ? 60 * 24 * 28 : 60 * 24 * 730));
            String storeId = channel == Order.Channel.STORE || rnd.nextInt(4) == 0 ? shops.get(rnd.nextInt(shops.size())).id() : null;
            Order.OrderStatus status = channel == Order.Channel.STORE ? Order.OrderStatus.COMPLETED
                    : storeId != null ? Order.OrderStatus.COLLECTED : Order.OrderStatus.DELIVERED;
            putOrder(sink, rnd, variants, ++orderNo, customerId, channel, storeId, status, at, true);
        }
        // Hélène Martin's web order of last week, delivered: two of a top under the web promotion and a scarf, for the
        // returns counter (its own random numbers, so that the rest of the demo does not move with it).
        SplittableRandom hers = new SplittableRandom(7);
        List<VariantRef> clothes = variants.stream().filter(v -> DemoRules.POLICY.returnable(v.category())).toList();
        VariantRef top = clothes.get(hers.nextInt(clothes.size()));
        VariantRef scarf = clothes.get(hers.nextInt(clothes.size()));
        String id = "ord-" + (++orderNo);
        long twoTops = Math.round(top.price() * 2 * 0.9);
        sink.put("orders", id, null, new Order(id, "W" + String.format("%08d", orderNo), "cus-1", Order.Channel.WEB, null,
                Order.OrderStatus.DELIVERED, end.minusDays(5).toInstant().toString(), twoTops + scarf.price(),
                List.of(new OrderLine(id + "-1", top.id(), top.sku(), top.name(), 2, top.price(), top.vatBp(), 0, twoTops),
                        new OrderLine(id + "-2", scarf.id(), scarf.sku(), scarf.name(), 1, scarf.price(), scarf.vatBp(), 0, scarf.price()))));
    }

    /** The pickup code a demo customer received: the last six digits of the order number. */
    public static String demoPickupCode(String orderNumber) {
        return orderNumber.substring(orderNumber.length() - 6);
    }

    /** Orders per state in each store's pickup queue. */
    private int pickupsPerState() {
        return size == DemoSize.TINY ? 6 : 24;
    }

    private static final String[] PROXIES = {"Paul Martin", "Sophie Bernard", "Karim Benali", "Julie Moreau", "Thomas Petit"};
    private static final String[] SHELVES = {"A", "B", "C", "D", "E", "F"};

    /**
     * One store's pickup queue: for each state, orders of one to four lines (sizes and colours), some with a proxy,
     * some paid only in part or to pay at the desk, some overdue; the web promotion "10 % from two" on lines of two.
     * Hélène Martin (cus-1) has a ready order at every store. The pickup code is the order number's last six digits.
     */
    private int generatePickups(Sink sink, SplittableRandom rnd, List<VariantRef> variants, Store shop, int orderNo, ZonedDateTime end) {
        PickupStatus[] states = {PickupStatus.TO_PREPARE, PickupStatus.READY, PickupStatus.PARTLY_COLLECTED, PickupStatus.COLLECTED,
                PickupStatus.EXPIRED};
        ZonedDateTime startOfToday = today.atStartOfDay(ZoneOffset.UTC);
        for (PickupStatus state : states) {
            for (int k = 0; k < pickupsPerState(); k++) {
                int n = ++orderNo;
                Customer customer = state == PickupStatus.READY && k == 0 ? pickupCustomers.get(0)
                        : pickupCustomers.get(rnd.nextInt(pickupCustomers.size()));
                boolean guest = k % 11 == 5;
                Order.Channel channel = rnd.nextBoolean() ? Order.Channel.WEB : Order.Channel.APP;
                String orderId = "ord-" + n;
                String number = (channel == Order.Channel.WEB ? "W" : "A") + String.format("%08d", n);
                // When: to prepare, placed in the last two days (a few already past their promise); ready, within the
                // week (some past their expiry); expired, more than a week ago.
                ZonedDateTime placed = switch (state) {
                    case TO_PREPARE -> end.minusHours(rnd.nextInt(k % 4 == 3 ? 60 : 30));
                    case READY -> end.minusHours(6 + rnd.nextInt(k % 5 == 4 ? 24 * 9 : 24 * 5));
                    case EXPIRED -> end.minusDays(9 + rnd.nextInt(10));
                    default -> end.minusHours(12 + rnd.nextInt(24 * 5));
                };
                ZonedDateTime promised = placed.plusHours(24);
                ZonedDateTime readyAt = placed.plusHours(2 + rnd.nextInt(10));
                // Hélène Martin's ready order: four single items, prepaid (README: how to try a partial hand-over).
                boolean helenes = state == PickupStatus.READY && k == 0;
                int lineCount = helenes ? 4 : 1 + rnd.nextInt(4);
                List<OrderLine> orderLines = new ArrayList<>();
                List<Pickup.PickupLine> lines = new ArrayList<>();
                long total = 0;
                for (int l = 0; l < lineCount; l++) {
                    VariantRef v = variants.get(rnd.nextInt(variants.size()));
                    int qty = rnd.nextInt(5) == 0 && !helenes ? 2 : 1;
                    long lineTotal = qty == 2 ? Math.round(v.price() * 2 * 0.9) : v.price();
                    String lineId = orderId + "-" + (l + 1);
                    orderLines.add(new OrderLine(lineId, v.id(), v.sku(), v.name(), qty, v.price(), v.vatBp(), 0));
                    boolean done = state == PickupStatus.COLLECTED || (state == PickupStatus.PARTLY_COLLECTED && l == 0);
                    int refused = state == PickupStatus.COLLECTED && l == 1 && k % 3 == 0 ? qty : 0;
                    lines.add(new Pickup.PickupLine(lineId, v.id(), v.sku(), v.ean(), v.baseName(), v.size(), v.colour(), qty, lineTotal,
                            v.vatBp(), state == PickupStatus.TO_PREPARE ? 0 : qty, 0, done ? qty - refused : 0, refused, location(v)));
                    total += lineTotal;
                }
                if (state == PickupStatus.PARTLY_COLLECTED && lines.size() == 1) {
                    // Partly collected needs something left: a second line, still to collect.
                    VariantRef v = variants.get(rnd.nextInt(variants.size()));
                    String lineId = orderId + "-2";
                    orderLines.add(new OrderLine(lineId, v.id(), v.sku(), v.name(), 1, v.price(), v.vatBp(), 0));
                    lines.add(new Pickup.PickupLine(lineId, v.id(), v.sku(), v.ean(), v.baseName(), v.size(), v.colour(), 1, v.price(),
                            v.vatBp(), 1, 0, 0, 0, location(v)));
                    total += v.price();
                }
                // Most orders are paid online; some pay at the desk, some left a deposit.
                long paid = k % 6 == 3 ? 0 : k % 6 == 5 ? Math.max(100, total * 3 / 10 / 100 * 100) : total;
                Order.OrderStatus orderStatus = switch (state) {
                    case TO_PREPARE -> Order.OrderStatus.PLACED;
                    case READY -> Order.OrderStatus.READY_FOR_PICKUP;
                    case PARTLY_COLLECTED -> Order.OrderStatus.PARTLY_COLLECTED;
                    case COLLECTED -> Order.OrderStatus.COLLECTED;
                    default -> Order.OrderStatus.EXPIRED;
                };
                sink.put("orders", orderId, null, new Order(orderId, number, guest ? null : customer.id(), channel, shop.id(), orderStatus,
                        placed.toInstant().toString(), total, orderLines));
                boolean ready = state != PickupStatus.TO_PREPARE;
                List<Pickup.PickupHandover> handovers = new ArrayList<>();
                long settled = 0;
                long refunded = 0;
                if (state == PickupStatus.COLLECTED || state == PickupStatus.PARTLY_COLLECTED) {
                    // Collected ones: half of them today, so that the desk's "Collected today" is not empty.
                    ZonedDateTime at = state == PickupStatus.COLLECTED && k % 2 == 0 ? startOfToday.plusMinutes(5 + k)
                            : readyAt.plusHours(3 + rnd.nextInt(20));
                    handovers.add(new Pickup.PickupHandover(at.toInstant().toString(), "dev-demo-desk", shop.id(), "stf-" + shop.id().substring(3) + "-1"));
                    Pickup before = new Pickup(orderId, number, shop.id(), PickupStatus.READY, null, null, List.of(), null, null, null, null,
                            total, paid, 0, 0, null, null, null, lines.stream().map(l -> l.progressed(l.picked(), l.missing(), 0, 0)).toList(), List.of(), null);
                    PickupMoney.Settlement money = PickupMoney.settle(before, lines.stream()
                            .map(l -> new PickupMoney.LineOutcome(l.lineId(), l.collected(), l.refused(),
                                    l.refused() > 0 ? PickupMoney.RefusalReason.WRONG_SIZE : null)).toList());
                    settled = money.dueCents();
                    refunded = money.refundCents();
                }
                String code = demoPickupCode(number);
                Pickup.PickupCustomer who = new Pickup.PickupCustomer(customer.firstName(), customer.lastName(), customer.phone(),
                        customer.email());
                Pickup pickup = new Pickup(orderId, number, shop.id(), state, guest ? null : customer.id(), who,
                        k % 4 == 1 ? List.of(PROXIES[rnd.nextInt(PROXIES.length)]) : List.of(), placed.toInstant().toString(),
                        promised.toInstant().toString(), ready ? readyAt.toInstant().toString() : null,
                        ready ? readyAt.plus(java.time.Duration.ofDays(7)).toInstant().toString() : null, total, paid, settled, refunded,
                        ready ? SHELVES[rnd.nextInt(SHELVES.length)] + "-" + String.format("%02d", 1 + rnd.nextInt(12)) : null,
                        PinHasher.hash(code, PICKUP_CODE_ITERATIONS), PickupCode.bucket(code), lines, handovers,
                        ready ? readyAt.toInstant().toString() : null);
                sink.put("pickups", orderId, shop.id(), pickup);
            }
        }
        return orderNo;
    }

    private void generateCarts(Sink sink, SplittableRandom rnd, List<VariantRef> variants) {
        ZonedDateTime end = today.atTime(12, 0).atZone(ZoneOffset.UTC);
        int carts = Math.max(1, size.customers / 10);
        for (int i = 0; i < carts; i++) {
            // Hélène Martin (cus-1) always has one open cart, for the demo.
            String customerId = i == 0 ? "cus-1" : "cus-" + (1 + rnd.nextInt(size.customers));
            List<OnlineCart.CartLine> lines = new ArrayList<>();
            int n = 1 + rnd.nextInt(4);
            for (int l = 0; l < n; l++) {
                VariantRef v = variants.get(rnd.nextInt(variants.size()));
                // Some prices moved since the customer added the item.
                long then = rnd.nextInt(5) == 0 ? v.price() + 1000 : v.price();
                lines.add(new OnlineCart.CartLine(v.id(), v.sku(), v.name(), null, null, 1 + (rnd.nextInt(5) == 0 ? 1 : 0), then));
            }
            String id = "cart-" + (i + 1);
            sink.put("carts", id, null, new OnlineCart(id, customerId, rnd.nextBoolean() ? OnlineCart.Channel.WEB : OnlineCart.Channel.APP,
                    OnlineCart.Status.OPEN, end.minusMinutes(rnd.nextInt(60 * 24 * 10)).toInstant().toString(), lines));
        }
    }

    private Order putOrder(Sink sink, SplittableRandom rnd, List<VariantRef> variants, int n, String customerId,
                          Order.Channel channel, String storeId, Order.OrderStatus status, ZonedDateTime at, boolean mayHaveReturns) {
        String id = "ord-" + n;
        String prefix = switch (channel) {
            case WEB -> "W";
            case APP -> "A";
            case STORE -> "S";
        };
        int lineCount = 1 + rnd.nextInt(4);
        List<OrderLine> lines = new ArrayList<>(lineCount);
        long total = 0;
        for (int l = 0; l < lineCount; l++) {
            VariantRef v = variants.get(rnd.nextInt(variants.size()));
            int qty = rnd.nextInt(6) == 0 ? 2 : 1;
            int returned = mayHaveReturns && rnd.nextInt(12) == 0 ? 1 : 0;
            // Online, two of an item are 10 % off (the web promotion): a return refunds what was paid, not the price.
            long paid = qty == 2 && channel != Order.Channel.STORE ? Math.round(v.price() * 2 * 0.9) : v.price() * qty;
            lines.add(new OrderLine(id + "-" + (l + 1), v.id(), v.sku(), v.name(), qty, v.price(), v.vatBp(), returned, paid));
            total += paid;
        }
        Order order = new Order(id, prefix + String.format("%08d", n), customerId, channel, storeId, status,
                at.toInstant().toString(), total, lines);
        sink.put("orders", id, null, order);
        return order;
    }
}
