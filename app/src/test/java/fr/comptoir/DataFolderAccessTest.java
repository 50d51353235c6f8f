package fr.comptoir;

import fr.comptoir.datafolder.DataFolderAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared till's data folder (decision 0036); runs on POSIX file systems, as the terminals' Linux does. */
class DataFolderAccessTest {

    @TempDir
    Path dir;

    private static AppContext.Options tiny() {
        return AppContextTest.tiny();
    }

    private static List<Path> files(Path home) throws Exception {
        try (Stream<Path> all = Files.walk(home)) {
            return all.filter(p -> !p.equals(home)).toList();
        }
    }

    @Test
    void inAFolderSharedByItsGroupEveryFileTheAppMakesIsOpenToThatGroup() throws Exception {
        Path home = Files.createDirectory(dir.resolve("till"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwx---")));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwx---"));
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), tiny())) {
            ctx.activateDemo();
            assertThat(Files.getPosixFilePermissions(home.resolve(AppContext.JOURNAL_FILE))).contains(PosixFilePermission.GROUP_WRITE);
        }
        List<Path> made = files(home);
        assertThat(made).extracting(p -> home.relativize(p).toString()).contains(AppContext.JOURNAL_FILE, "cache.db");
        for (Path p : made) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p);
            assertThat(mode).as(p.toString()).contains(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE);
        }
        // The fiscal signing key: the till's accounts only, and what is made in its folder keeps the folder's group.
        Path keys = home.resolve("keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("fiscal-signing-key.p8")))).isEqualTo("rw-rw----");
        assertThat((Integer) Files.getAttribute(keys, "unix:mode") & 07777).isEqualTo(02770);
    }

    @Test
    void inAPersonalFolderTheSigningKeyIsTheAccountsAlone() throws Exception {
        Path home = Files.createDirectory(dir.resolve("mine"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), tiny())) {
            ctx.activateDemo();
        }
        Path keys = home.resolve("keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("fiscal-signing-key.p8")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
    }

    @Test
    void aPersonalFolderIsLeftAsTheAccountMadeIt() throws Exception {
        Path home = Files.createDirectory(dir.resolve("mine"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Path note = Files.writeString(home.resolve("note.txt"), "kept");
        Files.setPosixFilePermissions(note, PosixFilePermissions.fromString("rw-------"));
        DataFolderAccess.shareWithGroup(home);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(note))).isEqualTo("rw-------");
    }

    @Test
    void aDataFolderThatCannotBeMadeIsRefusedWithItsReasonAndNothingElseIsWritten() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("taken"), "a file where the folder's parent should be");
        assertThatThrownBy(() -> AppContext.open(notAFolder.resolve("till"), Clock.systemUTC(), tiny()))
                .isInstanceOf(DataFolderAccess.Unusable.class)
                .hasMessageContaining("could not be made");
        assertThat(Files.readString(notAFolder)).startsWith("a file");
    }
}
