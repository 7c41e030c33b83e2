package io.netcr.bridge.sys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;

/**
 * The nftables ruleset of the calling thread's network namespace, through libnftables (Debian's
 * {@code libnftables1}, libnftables.so.1) bound with jnr-ffi: no {@code nft} process is run. A context is made
 * for each call on the calling thread, so its netlink socket is in that thread's namespace (see
 * {@link io.netcr.bridge.netns.NamespaceThreads}). Commands go in and listings come out as libnftables' JSON
 * ({@code nft -j}); a buffer of commands is one transaction, all or nothing. It lives beside {@link Native}:
 * every native binding of netcr is in this package.
 */
public final class Nftables {

    /** NFT_CTX_OUTPUT_JSON (nftables/libnftables.h). */
    private static final int OUTPUT_JSON = 1 << 4;
    /** The longest output read back (a listing); far above any real ruleset. */
    private static final int MAX_OUTPUT = 256 << 20;

    /** The functions of libnftables netcr calls. Text goes in as NUL-terminated UTF-8 bytes. */
    public interface Lib {
        Pointer nft_ctx_new(int flags);

        void nft_ctx_free(Pointer ctx);

        void nft_ctx_output_set_flags(Pointer ctx, int flags);

        int nft_ctx_buffer_output(Pointer ctx);

        Pointer nft_ctx_get_output_buffer(Pointer ctx);

        int nft_ctx_buffer_error(Pointer ctx);

        Pointer nft_ctx_get_error_buffer(Pointer ctx);

        void nft_ctx_set_dry_run(Pointer ctx, boolean dry);

        int nft_run_cmd_from_buffer(Pointer ctx, @In byte[] buf);
    }

    /** libnftables is missing, or refused the commands: its error text. */
    public static final class NftException extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean missing;

        NftException(String message, boolean missing) {
            super(message);
            this.missing = missing;
        }

        /** True when the library itself is not there (not a refusal of the commands). */
        public boolean missing() {
            return missing;
        }
    }

    private static final class Holder {
        static final Object LIB = load();

        private static Object load() {
            try {
                return LibraryLoader.create(Lib.class).load("nftables");
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return e;
            }
        }
    }

    private Nftables() {
    }

    /** The library, or NftException saying it is not installed. */
    static Lib lib() throws NftException {
        Object l = Holder.LIB;
        if (l instanceof Lib lib) {
            return lib;
        }
        throw new NftException("libnftables.so.1 cannot be loaded (" + ((Throwable) l).getMessage()
                + "); install the Debian package libnftables1", true);
    }

    /** {@code nft -j list ruleset} in the calling thread's namespace. */
    public static String listRuleset() throws NftException {
        return run("list ruleset", false);
    }

    /**
     * Runs libnftables commands (text or JSON) in the calling thread's namespace, as one transaction; with
     * {@code dryRun} the kernel checks them and commits nothing ({@code nft -c}). Returns what it printed.
     */
    public static String run(String commands, boolean dryRun) throws NftException {
        Lib lib = lib();
        return LowDescriptors.withLowNumbersFree(() -> run(lib, commands, dryRun)); // its select(2)
    }

    private static String run(Lib lib, String commands, boolean dryRun) throws NftException {
        Pointer ctx = lib.nft_ctx_new(0);
        if (ctx == null) {
            throw new NftException("nft_ctx_new failed (out of memory?)", false);
        }
        try {
            lib.nft_ctx_output_set_flags(ctx, OUTPUT_JSON);
            lib.nft_ctx_buffer_output(ctx);
            lib.nft_ctx_buffer_error(ctx);
            if (dryRun) {
                lib.nft_ctx_set_dry_run(ctx, true);
            }
            byte[] in = commands.getBytes(StandardCharsets.UTF_8);
            byte[] z = new byte[in.length + 1];
            System.arraycopy(in, 0, z, 0, in.length);
            int rc = lib.nft_run_cmd_from_buffer(ctx, z);
            if (rc != 0) {
                String err = text(lib.nft_ctx_get_error_buffer(ctx)).strip();
                throw new NftException(err.isEmpty() ? "libnftables refused the commands" : oneLine(err), false);
            }
            return text(lib.nft_ctx_get_output_buffer(ctx));
        } finally {
            lib.nft_ctx_free(ctx);
        }
    }

    private static String text(Pointer p) {
        return p == null ? "" : p.getString(0, MAX_OUTPUT, StandardCharsets.UTF_8);
    }

    /** nft's error text is several lines (the input, a caret); keep its sentences on one line. */
    static String oneLine(String err) {
        StringBuilder sb = new StringBuilder();
        for (String line : err.split("\n")) {
            int e = line.indexOf("Error: ");
            if (e >= 0) {
                String msg = line.substring(e + 7).strip();
                if (sb.indexOf(msg) < 0) {
                    sb.append(sb.length() > 0 ? "; " : "").append(msg);
                }
            }
        }
        return sb.length() > 0 ? sb.toString() : err.replace('\n', ' ');
    }
}
