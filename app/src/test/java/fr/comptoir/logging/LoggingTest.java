package fr.comptoir.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import fr.comptoir.AppContext;
import fr.comptoir.common.OutboxWrite;
import fr.comptoir.customers.NewCustomer;
import fr.comptoir.staff.SignInResult;
import fr.comptoir.testing.TestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The rolling log in the data folder: failures are in it, and no PIN, token, card or customer contact detail ever is. */
class LoggingTest {

    @TempDir
    Path home;

    @AfterEach
    void backToTheTestConsole() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void redactionTakesOutContactDetailsSecretsAndCardsButLeavesWhatSupportNeeds() {
        String line = "refused: helene.martin@orange.fr, 06 12 34 56 78, +33 6 12 34 56 78, 0612345678, 06.12.34.56.78 "
                + "Authorization: Bearer 3f2a9c1e-77aa-4b1c-9d2e-0a1b2c3d4e5f {\"accessToken\":\"abc123\",\"pin\":\"1234\"} "
                + "card 4970 1012 3456 7890 and 4970101234567890, gift GC-1000-0003";
        String out = Redaction.redact(line);
        assertThat(out).doesNotContain("helene.martin", "12 34 56 78", "612345678", "12.34.56", "3f2a9c1e", "abc123", "\"1234\"",
                "4970", "1000-0003");
        assertThat(out).contains("<email>", "<phone>", "Bearer <token>", "<card>", "GC-****-0003");
        String support = "Sale sale-1f2e3d4c ticket PAR01-ABCDEF12-000042 EAN 3760000000017 at 2026-11-20T09:00:00Z, 12 lines, 1999 cents";
        assertThat(Redaction.redact(support)).isEqualTo(support);
    }

    @Test
    void aRealSessionLeavesItsFailuresInTheLogAndNothingPrivate() throws Exception {
        Path log = Logging.toFolder(home);
        String email = "zoe.lefevre@example.fr";
        String phone = "07 98 76 54 32";
        String token;
        try (AppContext ctx = TestOptions.syncedTinyDemo(home)) {
            token = ctx.device().orElseThrow().accessToken();
            assertThat(ctx.signIn().signIn("stf-par01-2", "1234")).isInstanceOf(SignInResult.SignedIn.class);
            ctx.signIn().signIn("stf-par01-2", "9999");
            // A new customer the platform refuses (an existing customer has this e-mail): its answer quotes the record.
            NewCustomer zoe = new NewCustomer("local-zoe", "Zoé", "Lefèvre", email, phone, true, false, "2026-11-20T09:00:00Z", "st-par01",
                    "stf-par01-1");
            ctx.journal().appendWithOutbox("customer.created", "stf-par01-1", new OutboxWrite(fr.comptoir.common.WriteKind.CUSTOMER_CREATED, "k-zoe", "local-zoe", zoe));
            ctx.journal().appendWithOutbox("customer.created", "stf-par01-1", new OutboxWrite(fr.comptoir.common.WriteKind.CUSTOMER_CREATED, "k-zoe-2", "local-zoe-2",
                    new NewCustomer("local-zoe-2", "Zoé", "Lefèvre", email, phone, true, false, "2026-11-20T09:00:00Z", "st-par01", "stf-par01-1")));
            ctx.sync().drainOutbox();
            assertThat(ctx.outbox().needsAttentionCount()).isEqualTo(1);
            // Whatever a message carries, the log does not keep it.
            LoggerFactory.getLogger("test").warn("Platform said: {} / {} / Bearer {} / pin=1234 / card 4970101234567890 / GC-1000-0001",
                    email, phone, token);
        }
        String text = Files.readString(log);
        assertThat(text).contains("refused write").contains("Platform said");
        assertThat(text).doesNotContain(email).doesNotContain(phone).doesNotContain("0798765432").doesNotContain(token)
                .doesNotContain("4970101234567890").doesNotContain("GC-1000-0001").doesNotContain("pin=1234");
    }
}
