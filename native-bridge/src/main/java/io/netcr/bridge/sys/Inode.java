package io.netcr.bridge.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a file is, as stat(2) tells it: its device and inode number. For a namespace these are the nsfs
 * device and the namespace's inode (what {@code ls -iL /proc/self/ns/net} shows), the same whether read
 * from /proc or from a bind mount of it; for a plain file, its filesystem and inode. A restore records
 * these so that its recovery touches an object only while it is still the one the restore made.
 *
 * @param dev st_dev
 * @param ino st_ino
 */
public record Inode(long dev, long ino) {

    /** stat(2) of {@code path}, following links (so {@code /proc/self/fd/N} is the file N is open on). */
    public static Inode of(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino");
        return new Inode((Long) a.get("dev"), (Long) a.get("ino"));
    }

    /** As {@link #of}, empty when nothing has that name. */
    public static Optional<Inode> ifExists(Path path) throws IOException {
        try {
            return Optional.of(of(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** fstat(2) of a descriptor of this process. */
    public static Inode ofDescriptor(int fd) throws IOException {
        return of(Path.of("/proc/self/fd/" + fd));
    }

    /** The network namespace of the calling thread (threads differ after setns or unshare). */
    public static Inode ofThreadNetns() throws IOException {
        return of(Path.of("/proc/thread-self/ns/net"));
    }

    @Override
    public String toString() {
        return dev + ":" + ino;
    }
}
