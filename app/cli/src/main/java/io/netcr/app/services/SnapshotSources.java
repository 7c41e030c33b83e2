package io.netcr.app.services;

import io.netcr.bridge.criu.CriuArchive;
import io.netcr.bridge.criu.CriuDumpReader;
import io.netcr.bridge.criu.CriuFiles;
import io.netcr.bridge.discovery.LiveDiscovery;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.image.ImageReader;
import io.netcr.model.json.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens anything a snapshot can come from, whatever its name: a .netcr image or a JSON snapshot (the first
 * bytes say which), a CRIU image directory, a checkpoint archive (tar, tar.zst, tar.gz, tar.bz2, as podman and
 * CRI-O export them), one image file of a CRIU directory (its directory is read), or, through
 * {@link #openAny}, the word {@code live} for this host. Never throws; what cannot be opened comes back
 * as diagnostics.
 */
public final class SnapshotSources {

    /** The source spec that means this host, read over rtnetlink. */
    public static final String LIVE = "live";

    private static final int SNIFF_BYTES = 512;

    private SnapshotSources() {
    }

    /** A path, or {@code live}. Used by every command that takes a source, so they all accept the same. */
    public static ReadResult openAny(String spec, ReadMode mode) {
        if (LIVE.equals(spec)) {
            return live();
        }
        return open(Path.of(spec), mode);
    }

    /** The live host through {@link LiveDiscovery}. */
    public static ReadResult live() {
        try (LiveDiscovery discovery = HostDiscovery.open()) {
            Snapshot s = discovery.snapshot();
            return new ReadResult(s, s.diagnostics());
        } catch (IOException | RuntimeException | LinkageError e) {
            return failed(Errno.EIO, SubjectPath.ROOT, "this host cannot be read: " + e.getMessage());
        }
    }

    public static ReadResult open(Path file, ReadMode mode) {
        SubjectPath where = SubjectPath.of(SubjectPath.FILE, file.toString());
        if (Files.isDirectory(file)) {
            if (!CriuDumpReader.looksLikeDump(file)) {
                return failed(Errno.EISDIR, where, file + " is a directory but not a CRIU image directory (it has no "
                        + "netns-N.img or netdev-N.img); give a .netcr image, a JSON snapshot, a CRIU image directory "
                        + "or a checkpoint archive");
            }
            return CriuDumpReader.read(file, mode);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (java.nio.file.NoSuchFileException e) {
            return failed(Errno.ENOENT, where, file + " does not exist; check the path");
        } catch (java.nio.file.AccessDeniedException e) {
            return failed(Errno.EACCES, where, file + " cannot be read: permission denied");
        } catch (IOException e) {
            return failed(Errno.EIO, where, file + " cannot be read: " + e.getMessage());
        }
        if (ImageReader.looksLikeImage(head)) {
            return ImageReader.read(file, mode);
        }
        if (SnapshotJson.looksLikeJson(head)) {
            return SnapshotJson.read(file, mode);
        }
        if (CriuArchive.looksLikeArchive(head)) {
            return CriuArchive.read(file, mode);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (CriuFiles.isNetworkImage(file.getFileName().toString()) && parent != null) {
            return CriuDumpReader.read(parent, mode);
        }
        return failed(Errno.EBADMSG, where, file + " is neither a .netcr image, a JSON snapshot, nor a checkpoint "
                + "archive" + (head.length == 0 ? " (it is empty)" : ""));
    }

    /** True when the file exists, is a regular file and this process may read it. */
    public static boolean isReadableFile(Path file) {
        return Files.isRegularFile(file) && Files.isReadable(file);
    }

    /**
     * True when the spec names something that can be tried: {@code live}, a readable file, or a CRIU image
     * directory. False means "cannot be opened" (exit status 2) rather than "opened and found damaged" (1).
     */
    public static boolean canOpen(String spec) {
        if (LIVE.equals(spec)) {
            return true;
        }
        Path p = Path.of(spec);
        return isReadableFile(p) || (Files.isReadable(p) && CriuDumpReader.looksLikeDump(p));
    }

    private static ReadResult failed(Errno code, SubjectPath where, String message) {
        return ReadResult.failed(List.of(Diagnostic.error(code, where, Phase.READ, message)));
    }
}
