package fr.comptoir.datafolder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The data folder of a till shared by several accounts (decision 0036): whether this account may work in it,
 * and keeping what it writes there open to the folder's group.
 *
 * <p>The installed package makes the machine-wide folder {@code root:comptoir}, mode {@code 2770}: members of
 * the group {@code comptoir} work in it, other local accounts cannot even list it. New files take the folder's
 * group (setgid), but their mode follows the account's umask, and SQLite creates its files {@code 0644}
 * whatever the umask: another member could then not write a database the first one created. So, where the
 * folder itself is group-writable, every file this account owns in it is made group-readable and -writable when
 * the data is opened and when it is closed (SQLite gives its {@code -wal} and {@code -shm} files the mode of
 * the database). A developer's {@code ~/.comptoir} is not group-writable and is left as it is.
 */
public final class DataFolderAccess {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolderAccess.class);
    /**
     * The folders whose files the sweep also looks at: where SQLite files, rolled logs and the key live. Not
     * receipts/ or archives/ (thousands of files, written once by Java, so group-readable already, and
     * group-writable under the folder's default access list).
     */
    private static final Set<String> SWEPT = Set.of("keys", "logs", "backups", "demo-platform", "payment-terminal");

    private DataFolderAccess() {
    }

    /**
     * Makes {@code home} if it is missing; refuses, with a {@link Denied} failure that says what IT should do, a
     * folder or a database in it that this account may not write.
     */
    public static void requireWritable(Path home) {
        Path dir = home.toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw denied(dir);
        } catch (IOException e) {
            throw new Unusable("Comptoir's data folder " + dir + " could not be made: " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir) || !Files.isExecutable(dir)) {
            throw denied(dir);
        }
        // The files every start writes (databases, identity, lock) must be writable, the others at the top (a
        // provisioning file IT dropped) and the keys readable: one out of reach is enough to refuse.
        Path keys = dir.resolve("keys");
        try (Stream<Path> files = Files.walk(dir, 2)) {
            if (files.anyMatch(f -> Files.isRegularFile(f) && (f.getParent().equals(dir) || f.getParent().equals(keys))
                    && (WRITTEN.matcher(f.getFileName().toString()).matches() && f.getParent().equals(dir) ? !Files.isWritable(f) : !Files.isReadable(f)))) {
                throw denied(dir);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw denied(dir);
        }
    }

    /** The data folder's own files that every start writes. */
    private static final Pattern WRITTEN =
            Pattern.compile("(journal|cache)\\.db(-wal|-shm)?|terminal\\.properties|comptoir\\.lock");

    /** The data folder cannot be used as it is (the message says why and what to do); nothing was changed. */
    public static class Unusable extends RuntimeException {
        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** This account may not write the data folder {@link #folder()}; nothing was changed. */
    public static final class Denied extends Unusable {
        private final transient Path folder;

        Denied(String message, Path folder) {
            super(message, null);
            this.folder = folder;
        }

        public Path folder() {
            return folder;
        }
    }

    /** The refusal of a data folder this account may not work in, saying what IT should do. */
    public static Denied denied(Path home) {
        Path dir = home.toAbsolutePath();
        return new Denied("This account (" + System.getProperty("user.name") + ") may not write Comptoir's data folder " + dir
                + ". IT adds the account to the group 'comptoir' (Linux: usermod -aG comptoir ACCOUNT, then sign out of the computer and in "
                + "again); see docs/operations.md. Nothing was changed.", dir);
    }

    /** Whether {@code home} is a till folder shared by its group: group-writable (POSIX), or the installed machine folder (Windows). */
    public static boolean shared(Path home) {
        PosixFileAttributeView view = Files.getFileAttributeView(home.toAbsolutePath(), PosixFileAttributeView.class);
        if (view == null) {
            return Boolean.getBoolean("comptoir.installed");
        }
        try {
            return view.readAttributes().permissions().contains(PosixFilePermission.GROUP_WRITE);
        } catch (IOException e) {
            LOG.warn("The data folder's permissions cannot be read, so it is taken as this account's own: {}", e.toString());
            return false;
        }
    }

    /**
     * Keeps a secret ({@code p}, a file or a folder in {@code home}) from everyone but this account, or, in a
     * {@linkplain #shared shared} till folder, everyone but the till's accounts: POSIX mode 600/700 (660/2770
     * with the folder's group), or an owner-only access list where the folder is not the machine's own (there,
     * the folder's inherited access list already keeps the till's accounts alone).
     */
    public static void restrict(Path home, Path p, boolean directory) throws IOException {
        boolean shared = shared(home);
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view != null) {
            if (shared) {
                // Usually inherited already (setgid folder); an account that uses the folder through its access list
                // without being in the group cannot give it, and the sweep logs it.
                GroupPrincipal group = Files.readAttributes(home.toAbsolutePath(), PosixFileAttributes.class).group();
                if (!view.readAttributes().group().equals(group)) {
                    try {
                        view.setGroup(group);
                    } catch (IOException e) {
                        LOG.warn("{} could not be given the data folder's group: {}", p.getFileName(), e.toString());
                    }
                }
            }
            Set<PosixFilePermission> mode = PosixFilePermissions.fromString(
                    directory ? (shared ? "rwxrwx---" : "rwx------") : (shared ? "rw-rw----" : "rw-------"));
            // Not changed when already right: a chmod by an account outside the folder's group (one that uses it
            // through its access list) would silently drop the setgid bit the folder was made with.
            if (!view.readAttributes().permissions().equals(mode)) {
                view.setPermissions(mode);
            }
            if (shared && directory) {
                keepFolderGroup(p);
            }
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(p, AclFileAttributeView.class);
        if (acl != null && !shared) {
            java.nio.file.attribute.UserPrincipal owner = Files.getOwner(p);
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW)
                    .setPrincipal(owner).setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
        }
    }

    /**
     * The setgid bit of a folder, so that what is made in it takes its group (chmod through NIO clears it). Only
     * a nicety, as the sweep gives files the group anyway: where it cannot be set (no "unix" view), it is logged.
     */
    private static void keepFolderGroup(Path dir) {
        try {
            int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if ((mode & SETGID) == 0) {
                Files.setAttribute(dir, "unix:mode", (mode & 07777) | SETGID, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            LOG.warn("{} keeps no setgid bit: {}", dir.getFileName(), e.toString());
        }
    }

    private static final int SETGID = 02000;

    /**
     * Where {@code home} is a POSIX folder its group may write, makes every file and folder this account owns at its
     * top and in its {@link #SWEPT} folders readable and writable by that group, and of that group. A file that
     * cannot be changed is logged, never silently left.
     */
    public static void shareWithGroup(Path home) {
        Path dir = home.toAbsolutePath();
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return; // Windows: the folder's inherited access list does this.
        }
        try {
            PosixFileAttributes folder = view.readAttributes();
            if (!folder.permissions().contains(PosixFilePermission.GROUP_WRITE)) {
                return;
            }
            String me = System.getProperty("user.name");
            List<Path> top;
            try (Stream<Path> entries = Files.list(dir)) {
                top = entries.toList();
            }
            for (Path p : top) {
                share(p, me, folder.group());
                if (SWEPT.contains(p.getFileName().toString()) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> inner = Files.list(p)) {
                        inner.forEach(f -> share(f, me, folder.group()));
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("The data folder's files could not all be opened to its group: {}", e.toString());
        }
    }

    private static void share(Path p, String me, GroupPrincipal group) {
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink() || !a.owner().getName().equals(me)) {
                return;
            }
            if (!a.group().equals(group)) {
                Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setGroup(group);
            }
            Set<PosixFilePermission> wanted = a.isDirectory()
                    ? EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE)
                    : EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE);
            if (!a.permissions().containsAll(wanted)) {
                Set<PosixFilePermission> mode = EnumSet.copyOf(a.permissions());
                mode.addAll(wanted);
                Files.setPosixFilePermissions(p, mode);
            }
            if (a.isDirectory()) {
                keepFolderGroup(p);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // A -wal or -shm file that SQLite removed in the meantime: nothing to share.
        } catch (IOException e) {
            LOG.warn("{} could not be opened to the data folder's group: {}", p.getFileName(), e.toString());
        }
    }
}
