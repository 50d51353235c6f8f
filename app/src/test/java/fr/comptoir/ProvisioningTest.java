package fr.comptoir;

import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A terminal set up by a file IT drops in its data folder (issue 15). */
class ProvisioningTest {

    @TempDir
    Path dir;

    @Test
    void aFileSaysWhereToActivateWithWhatCodeInWhichLanguageAndWithWhichPrinter() throws Exception {
        Files.writeString(dir.resolve(Provisioning.FILE), """
                # Paris Rivoli, till 2
                platform.url = https://commerce.example.fr/
                activation.code = PAR01-7F3K-Q9
                language = EN
                printer.address = 192.168.1.50:9100
                """);
        assertThat(Provisioning.read(dir)).contains(new Provisioning("https://commerce.example.fr/", false, "PAR01-7F3K-Q9", "en", "192.168.1.50:9100"));
        Files.writeString(dir.resolve(Provisioning.FILE), "demo=true\n");
        assertThat(Provisioning.read(dir)).contains(new Provisioning("", true, null, null, null));
        Files.delete(dir.resolve(Provisioning.FILE));
        assertThat(Provisioning.read(dir)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "activation.code=X                                          | platform.url is missing",
            "platform.url=commerce.example.fr\\nactivation.code=X        | platform.url is not an http(s) address",
            "platform.url=https://c.example.fr                          | activation.code is missing",
            "platform.url=https://c.example.fr\\nactivation.code=X\\nlanguage=de | language must be fr or en",
            "platform.url=https://c.example.fr\\nactivation.code=X\\nprinter.address=printer | printer.address must be host:port",
            "platform.url=https://c.example.fr\\nactivation.code=X\\nstore=PAR01 | unknown key 'store'",
            "demo=maybe                                                 | demo must be true or false"})
    void aFileThatCannotBeUsedIsRefusedWholeSayingWhichKeyAndWhy(String content, String message) throws Exception {
        Files.writeString(dir.resolve(Provisioning.FILE), content.replace("\\n", "\n"));
        assertThatThrownBy(() -> Provisioning.read(dir)).isInstanceOf(Provisioning.Invalid.class).hasMessageContaining(message)
                .hasMessageContaining(Provisioning.FILE);
    }

    @Test
    void theFirstStartActivatesByItselfKeepsTheLanguageAndPrinterAndAWrongFileChangesNothing() throws Exception {
        try (DemoPlatformStore store = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.TINY, 42, LocalDate.of(2026, 11, 20));
             DemoCentralServer server = DemoCentralServer.start(store, 0)) {
            Path wrong = dir.resolve("wrong");
            Files.createDirectories(wrong);
            Files.writeString(wrong.resolve(Provisioning.FILE), "platform.url=" + server.baseUrl() + "\nactivation.code=DEMO\nlanguage=de\n");
            try (AppContext ctx = AppContext.open(wrong, Clock.systemUTC(), AppContext.Options.defaults())) {
                assertThatThrownBy(ctx::activateFromProvisioning).isInstanceOf(Provisioning.Invalid.class);
                assertThat(ctx.device()).isEmpty();
                assertThat(ctx.settings().get("ui.language")).isEmpty();
            }

            Path home = dir.resolve("terminal");
            Files.createDirectories(home);
            Files.writeString(home.resolve(Provisioning.FILE), "platform.url=" + server.baseUrl() + "\nactivation.code=DEMO\nlanguage=en\n"
                    + "printer.address=127.0.0.1:9100\n");
            Cli.Run run = Cli.run("activate", "--home", home.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("Activated: Comptoir Paris Rivoli (st-par01)");
            try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), AppContext.Options.defaults())) {
                assertThat(ctx.device()).hasValueSatisfying(d -> assertThat(d.storeId()).isEqualTo("st-par01"));
                assertThat(ctx.settings().get("ui.language")).contains("en");
                assertThat(ctx.settings().get("printer.address")).contains("127.0.0.1:9100");
                // Once activated, the file is not used again.
                assertThat(ctx.activateFromProvisioning()).isEqualTo(ctx.device());
            }
        }
    }

    @Test
    void anUnreachablePlatformFailsWithAMessageInsteadOfWaitingForever() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Files.writeString(dir.resolve(Provisioning.FILE), "platform.url=http://127.0.0.1:" + closedPort + "/\nactivation.code=X\n");
        Cli.Run run = Cli.run("activate", "--home", dir.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("Activation failed").contains("unreachable");
    }
}
