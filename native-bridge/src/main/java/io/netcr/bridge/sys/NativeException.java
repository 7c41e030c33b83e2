package io.netcr.bridge.sys;

import io.netcr.model.Errno;
import java.io.IOException;

/** A failed system call (or a kernel error reply), carrying the errno the kernel gave. */
public class NativeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int errnoNumber;

    public NativeException(String what, int errnoNumber) {
        super(what + ": " + describe(errnoNumber));
        this.errnoNumber = Math.abs(errnoNumber);
    }

    /** The errno as the model names it; EIO when the number is not one the model knows. */
    public Errno errno() {
        return Errno.ofNumber(errnoNumber).orElse(Errno.EIO);
    }

    public int errnoNumber() {
        return errnoNumber;
    }

    static String describe(int number) {
        return Errno.ofNumber(number).map(e -> e.name() + " (" + e.description() + ")").orElse("errno " + number);
    }
}
