package io.netcr.bridge.sys;

import java.nio.ByteBuffer;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.u_int64_t;

/**
 * The one place that binds libc through jnr-ffi. Loaded once; everything else goes through the
 * checked wrappers in {@link Sys}, which turn -1 into a {@link NativeException}.
 */
final class Native {

    /** The libc functions netcr calls; parameter annotations tell jnr-ffi which way memory flows. */
    public interface LibC {
        int socket(int domain, int type, int protocol);

        int bind(int fd, @In byte[] addr, int addrlen);

        int connect(int fd, @In byte[] addr, int addrlen);

        @ssize_t long send(int fd, @In ByteBuffer buf, @size_t long len, int flags);

        int setsockopt(int fd, int level, int optname, @In int[] optval, int optlen);

        int getsockname(int fd, @Out byte[] addr, @In @Out int[] addrlen);

        @ssize_t long sendto(int fd, @In ByteBuffer buf, @size_t long len, int flags, @In byte[] addr, int addrlen);

        @ssize_t long recv(int fd, @Out ByteBuffer buf, @size_t long len, int flags);

        @ssize_t long recvfrom(int fd, @Out ByteBuffer buf, @size_t long len, int flags, @Out byte[] addr,
                               @In @Out int[] addrlen);

        int open(String path, int flags);

        /** open(2) with a mode, for O_CREAT. */
        int open(String path, int flags, int mode);

        int mkdir(String path, int mode);

        int unlink(String path);

        int linkat(int olddirfd, String oldpath, int newdirfd, String newpath, int flags);

        int close(int fd);

        int setns(int fd, int nstype);

        /** ioctl(2) with a pointer argument (a struct the kernel reads and may write). */
        int ioctl(int fd, @u_int64_t long request, @In @Out byte[] arg);

        /** ioctl(2) with an integer argument passed by value (TUNSETPERSIST, TUNSETOWNER). */
        int ioctl(int fd, @u_int64_t long request, long arg);

        int unshare(int flags);

        int mount(String source, String target, String fstype, @u_int64_t long flags, String data);

        int umount2(String target, int flags);

        int getpid();

        int kill(int pid, int sig);

        int gettid();
    }

    static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

    private Native() {
    }
}
