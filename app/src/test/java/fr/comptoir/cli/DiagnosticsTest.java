package fr.comptoir.cli;

import fr.comptoir.AppContext;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.testing.Cli;
import fr.comptoir.testing.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code comptoir diagnostics}: what IT needs in one zip, and no secret or customer contact in it. */
class DiagnosticsTest {

    @TempDir
    Path dir;

    @Test
    void theArchiveSaysWhatITAsksAndLeaksNoTokenPinHashCardOrCustomerContact() throws Exception {
        try (DemoPlatformStore store = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.TINY, 42, LocalDate.of(2026, 11, 20));
             DemoCentralServer server = DemoCentralServer.start(store, 0)) {
            Path home = dir.resolve("terminal");
            assertThat(Cli.run("activate", "--home", home.toString(), "--url", server.baseUrl(), "--code", "DEMO").code()).isZero();
            assertThat(Cli.run("sync", "--once", "--home", home.toString()).code()).isZero();

            String token;
            try (AppContext ctx = AppContext.inspect(home, Clock.systemUTC(), AppContext.Options.defaults())) {
                token = ctx.device().orElseThrow().accessToken();
            }
            List<String> secrets = new ArrayList<>(List.of(token));
            String anEmail = null;
            String aPhone = null;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("cache.db"));
                 ResultSet staff = c.createStatement().executeQuery("SELECT pin_hash FROM staff")) {
                while (staff.next()) {
                    secrets.add(staff.getString(1));
                }
                try (ResultSet customers = c.createStatement().executeQuery(
                        "SELECT email, phone, phone_digits, loyalty_card FROM customers WHERE email IS NOT NULL AND phone IS NOT NULL")) {
                    while (customers.next()) {
                        anEmail = customers.getString(1);
                        aPhone = customers.getString(2);
                        for (int i = 1; i <= 4; i++) {
                            if (customers.getString(i) != null) {
                                secrets.add(customers.getString(i));
                            }
                        }
                    }
                }
            }
            assertThat(secrets).hasSizeGreaterThan(20);
            // A log written before redaction existed, or by a message that slipped through: the archive still leaks nothing.
            Files.createDirectories(home.resolve("logs"));
            Files.writeString(home.resolve("logs").resolve("comptoir.2026-12-01.log"), String.join("\n",
                    "2026-12-01 10:00:00 WARN refused: customer " + anEmail + " phone " + aPhone,
                    "2026-12-01 10:00:01 INFO header was " + token,
                    "2026-12-01 10:00:02 INFO card 4970 1012 3456 7890 approved"), StandardCharsets.UTF_8);

            Path zip = dir.resolve("diag.zip");
            Run run = Cli.run("diagnostics", "--home", home.toString(), "--output", zip.toString());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("Diagnostics written to").contains("diag.zip");
            Map<String, String> entries = read(zip);
            assertThat(entries).containsKeys("diagnostics.txt", "logs/comptoir.2026-12-01.log");
            String summary = entries.get("diagnostics.txt");
            assertThat(summary).contains("Software:    Comptoir").contains("Java:").contains("System:")
                    .contains("Comptoir Paris Rivoli (st-par01)").contains("cache.db").contains("journal.db")
                    .containsPattern("customers\\s+\\d+\\s+20\\d\\d-").contains("Pending writes:  0").contains("Needs attention: 0");
            assertThat(entries.get("logs/comptoir.2026-12-01.log")).contains("refused: customer <email> phone <phone>")
                    .contains("header was <token>").contains("card <card> approved");
            String all = String.join("\n", entries.values());
            for (String secret : secrets) {
                assertThat(all).as("the archive holds a secret or a contact").doesNotContain(secret);
            }
        }
    }

    @Test
    void versionSaysTheBuildJavaAndSystem() {
        Run run = Cli.run("--version");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Comptoir ").contains("Java " + System.getProperty("java.version")).contains(System.getProperty("os.name"));
    }

    private static Map<String, String> read(Path zip) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
