package io.netcr.bridge.sys;

import com.kenai.jffi.ArrayFlags;
import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.HeapInvocationBuffer;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One libc function called through jffi directly, the JNI library under jnr-ffi, which netcr ships already (the
 * packages load it from the runtime's lib/, ./netcr from app/target/jffi). jnr-ffi binds an interface by
 * generating and defining a class with ASM at run time, about 100 ms in a cold JVM that no class-data archive
 * can save, on the critical path of every small command (docs/performance.md, "Start-up"); here a function is
 * a symbol looked up once and a call context, and a call is one JNI call, as from jnr-ffi's stubs. Numeric
 * arguments and direct buffers (their address plus position, as jnr-ffi passes them) go straight through;
 * arrays and strings through jffi's heap invocation buffer, which copies them in and out around the call.
 * Every context saves errno, read back by {@link Sys#errno()}. A symbol this libc lacks fails the call, not the
 * binding: {@link UnsatisfiedLinkError}, as a jnr-ffi stub does.
 */
record JffiCall(String symbol, long address, CallContext context) {

    static final Invoker INVOKER = Invoker.getInstance();
    private static final MemoryIO MEMORY = MemoryIO.getInstance();
    private static final Library PROCESS = Library.getDefault(); // libc is linked into every java process

    static final Type INT = Type.SINT32;
    static final Type PTR = Type.POINTER;
    static final Type SIZE = Type.ULONG;
    static final Type SSIZE = Type.SLONG;

    /** {@code result symbol(parameters...)}. */
    static JffiCall of(String symbol, Type result, Type... parameters) {
        return new JffiCall(symbol, PROCESS.getSymbolAddress(symbol),
                CallContext.getCallContext(result, parameters, CallingConvention.DEFAULT, true));
    }

    /** The function's address; throws when this libc has no such function. */
    long fn() {
        if (address == 0) {
            throw new UnsatisfiedLinkError("libc has no " + symbol);
        }
        return address;
    }

    /** A buffer for the arguments of one call through {@link #invokeInt} or {@link #invokeLong}. */
    HeapInvocationBuffer arguments() {
        return new HeapInvocationBuffer(context);
    }

    int invokeInt(HeapInvocationBuffer arguments) {
        return INVOKER.invokeInt(context, fn(), arguments);
    }

    long invokeLong(HeapInvocationBuffer arguments) {
        return INVOKER.invokeLong(context, fn(), arguments);
    }

    /** {@code int f(int, const void *bytes, int)}: bind, connect, epoll_ctl's event with its descriptor. */
    int invokeInt(int a, byte[] bytes, int c) {
        HeapInvocationBuffer b = arguments();
        b.putInt(a);
        in(b, bytes);
        b.putInt(c);
        return invokeInt(b);
    }

    /** {@code int f(int, const char *path, int)}: openat, inotify_add_watch. */
    int invokeInt(int a, String path, int c) {
        HeapInvocationBuffer b = arguments();
        b.putInt(a);
        path(b, path);
        b.putInt(c);
        return invokeInt(b);
    }

    /** A byte array the callee reads. */
    static void in(HeapInvocationBuffer b, byte[] bytes) {
        b.putArray(bytes, 0, bytes.length, ArrayFlags.IN);
    }

    /** A path, as the NUL-terminated bytes the callee reads. */
    static void path(HeapInvocationBuffer b, String path) {
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        b.putArray(name, 0, name.length, ArrayFlags.IN | ArrayFlags.NULTERMINATE);
    }

    /** A direct buffer's memory from its position on, as jnr-ffi passes a buffer. */
    static long address(ByteBuffer direct) {
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("only a direct buffer can be handed to the kernel");
        }
        return MEMORY.getDirectBufferAddress(direct) + direct.position();
    }
}
