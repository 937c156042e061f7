package org.lmworkbench.workspace;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * Moves files and folders to the desktop's trash as the freedesktop.org Trash specification (1.0)
 * says, so that a deleted run can be restored from the file manager: the item goes to
 * {@code files/<name>} of a trash folder and {@code info/<name>.trashinfo} records its original path
 * and the deletion time. The home trash ({@code $XDG_DATA_HOME/Trash}, by default
 * {@code ~/.local/share/Trash}) takes items on its own file system; an item on another file system
 * goes to {@code $topdir/.Trash-$uid} of that file system's top folder, since a trash move must be a
 * rename. {@code java.awt.Desktop.moveToTrash} is no use here: it needs AWT and is absent on
 * Linux.
 */
public final class FreedesktopTrash {

    private static final DateTimeFormatter DELETION_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss",
            Locale.ROOT);
    private static final int MAX_NAMES = 10_000;

    private final Path homeTrash;

    /** A trash whose home trash folder is {@code homeTrash} (created when first used). */
    public FreedesktopTrash(Path homeTrash) {
        this.homeTrash = Objects.requireNonNull(homeTrash, "homeTrash").toAbsolutePath().normalize();
    }

    /**
     * The current user's trash, or null where the specification does not apply (not Linux or
     * another freedesktop system, or no home folder).
     */
    public static FreedesktopTrash forCurrentUser() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!(os.contains("linux") || os.contains("bsd"))) {
            return null;
        }
        String dataHome = System.getenv("XDG_DATA_HOME");
        Path data;
        if (dataHome != null && !dataHome.isBlank() && Path.of(dataHome).isAbsolute()) {
            data = Path.of(dataHome);
        } else {
            String home = System.getProperty("user.home");
            if (home == null || home.isBlank() || !Files.isDirectory(Path.of(home))) {
                return null;
            }
            data = Path.of(home, ".local", "share");
        }
        return new FreedesktopTrash(data.resolve("Trash"));
    }

    /** The home trash folder. */
    public Path homeTrash() {
        return homeTrash;
    }

    /**
     * Moves {@code item} to the trash.
     *
     * @return where it is now ({@code <trash>/files/<name>})
     * @throws IOException if it cannot be moved (nothing is changed then)
     */
    public Path trash(Path item) throws IOException {
        Path original = item.toAbsolutePath().normalize();
        if (!Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.NoSuchFileException(original.toString());
        }
        Path trash = trashFor(original);
        return moveInto(trash, original, trash.equals(homeTrash) ? original.toString() : relative(trash, original));
    }

    /** The home trash if the item is on its file system, else the top folder's {@code .Trash-$uid}. */
    private Path trashFor(Path item) throws IOException {
        Files.createDirectories(homeTrash);
        FileStore store = Files.getFileStore(item);
        if (store.equals(Files.getFileStore(homeTrash))) {
            return homeTrash;
        }
        Path top = item;
        while (top.getParent() != null && store.equals(Files.getFileStore(top.getParent()))) {
            top = top.getParent();
        }
        Path trash = top.resolve(".Trash-" + uid());
        if (!Files.isDirectory(trash, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(trash, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return trash;
    }

    /**
     * Reserves a name by creating its .trashinfo (exclusively: two deleters never pick the same
     * name), then renames the item; a failed rename takes the .trashinfo back.
     */
    private static Path moveInto(Path trash, Path item, String recordedPath) throws IOException {
        Path files = Files.createDirectories(trash.resolve("files"));
        Path info = Files.createDirectories(trash.resolve("info"));
        String base = item.getFileName().toString();
        String text = "[Trash Info]\nPath=" + escape(recordedPath) + "\nDeletionDate="
                + DELETION_DATE.format(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)) + "\n";
        for (int i = 1; i <= MAX_NAMES; i++) {
            String name = i == 1 ? base : base + "." + i;
            Path infoFile = info.resolve(name + ".trashinfo");
            Path target = files.resolve(name);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.write(infoFile, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            try {
                Files.move(item, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } catch (AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(infoFile);
                throw new IOException(item + " is not on the file system of the trash " + trash, e);
            } catch (IOException e) {
                Files.deleteIfExists(infoFile);
                throw e;
            }
        }
        throw new IOException("no free name for " + base + " in the trash " + trash);
    }

    /** A path below a top-folder trash is recorded relative to that top folder, as the specification allows. */
    private static String relative(Path trash, Path item) {
        return trash.getParent().relativize(item).toString();
    }

    /** The path as a URL path: every byte but unreserved characters and '/' percent-encoded (RFC 2396). */
    static String escape(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            StringBuilder out = new StringBuilder();
            for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
                out.append(String.format(Locale.ROOT, "%%%02X", b & 0xff));
            }
            return out.toString();
        }
    }

    /** The user id of this process (the owner of a trash folder it may create). */
    private static String uid() throws IOException {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.substring(4).strip().split("\\s+")[0];
                }
            }
        } catch (IOException e) {
            // no /proc: the owner of the home folder is this user too
        }
        return String.valueOf(Files.getAttribute(Path.of(System.getProperty("user.home")), "unix:uid"));
    }
}
