package io.netcr.bridge.restore;

import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;

/**
 * TEST SEAM ONLY: kills the restoring process with SIGKILL right after step k has been sent to the kernel
 * (for a namespace: once it has its name), before its acknowledgement is read or entered in the journal;
 * k = 0 kills it before the first step (and before the journal exists). It is set with the system property
 * {@code netcr.test.killAfterStep=k}, read only when present, and exists for the crash test that kills a
 * restore at every step and recovers it. Nothing in netcr sets it.
 */
final class FaultPoint {

    static final String PROPERTY = "netcr.test.killAfterStep";

    private final int step;

    private FaultPoint(int step) {
        this.step = step;
    }

    static FaultPoint fromProperty() {
        String set = System.getProperty(PROPERTY);
        return new FaultPoint(set == null ? -1 : Integer.parseInt(set.trim()));
    }

    /** Step {@code k} (1-based; 0 before the first) has just been done. */
    void after(int k) {
        if (k == step) {
            try {
                Sys.kill(Sys.getpid(), Sys.SIGKILL);
            } catch (NativeException e) {
                throw new IllegalStateException("the test seam could not kill this process", e);
            }
        }
    }
}
