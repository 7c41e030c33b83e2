package io.netcr.bridge.restore;

import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netns.OwnedNamespaces;
import io.netcr.bridge.restore.journal.JournalContent;
import io.netcr.bridge.restore.journal.JournalRecord;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.NativeException;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes what a journaled restore made, newest first, and nothing else: each object only while its
 * identity still matches the journal's record ({@link OwnedNamespaces}, {@link RestorerDevices}). Objects
 * already gone are fine; objects whose name now belongs to something else are left alone with a warning;
 * a removal the kernel refuses is an error ("do it by hand"). The same code rolls back a failed restore in
 * its own process and recovers the journal of a restore that died. With {@code dryRun} it checks every
 * identity and says what it would do, changing nothing.
 */
final class Undo {

    /** Errors of a removal that mean "already gone". */
    private static final Set<Integer> GONE = Set.of(Errno.ENOENT.number(), Errno.ESRCH.number(),
            Errno.ENODEV.number(), Errno.EADDRNOTAVAIL.number());

    /** What an undo did (or, dry, would do): the removals, the objects left alone, the failures. */
    record Report(List<String> removed, List<Diagnostic> leftAlone, List<Diagnostic> failed) {
        Report {
            removed = List.copyOf(removed);
            leftAlone = List.copyOf(leftAlone);
            failed = List.copyOf(failed);
        }

        /** Everything the restore made is gone (or would be). */
        boolean complete() {
            return failed.isEmpty();
        }

        List<Diagnostic> diagnostics() {
            List<Diagnostic> all = new ArrayList<>(failed);
            all.addAll(leftAlone);
            return all;
        }
    }

    private final RtnlSocket restorer;
    private final RestorerDevices devices;
    private final ProgressReport events;
    private final boolean dryRun;
    private final List<String> removed = new ArrayList<>();
    private final List<Diagnostic> leftAlone = new ArrayList<>();
    private final List<Diagnostic> failed = new ArrayList<>();

    Undo(RtnlSocket restorer, JournalContent journal, ProgressReport events, boolean dryRun) {
        this.restorer = restorer;
        Map<String, JournalRecord.NetnsMade> byName = new HashMap<>();
        journal.namespaces().values().forEach(n -> byName.put(n.name(), n));
        this.devices = new RestorerDevices(restorer, byName);
        this.events = events;
        this.dryRun = dryRun;
    }

    /**
     * Undoes what {@code journal} says was made, and what steps up to {@code unknownUpTo} may have made (a
     * recovery: every announced step; the run itself: none, once it has read every ACK).
     */
    Report run(JournalContent journal, int unknownUpTo) {
        List<Made> made = new ArrayList<>(Made.of(journal, unknownUpTo));
        verifyDevicesFirst(made);
        Collections.reverse(made);
        int number = 0;
        for (Made m : made) {
            number++;
            if (events.listening()) {
                events.undoing(number, made.size(), m.describe());
            }
            try {
                undo(m);
            } catch (NativeException e) {
                if (!GONE.contains(e.errnoNumber())) {
                    failed.add(Diagnostic.error(e.errno(), subject(m), Phase.RESTORE,
                            "could not undo '" + m.describe() + "': " + e.getMessage() + "; do it by hand"));
                }
            } catch (IOException | RuntimeException e) {
                failed.add(Diagnostic.error(Errno.EIO, subject(m), Phase.RESTORE,
                        "could not undo '" + m.describe() + "': " + e + "; do it by hand"));
            }
        }
        return new Report(removed, leftAlone, failed);
    }

    private void undo(Made m) throws IOException {
        if (m instanceof Made.Namespace n) {
            undoNamespace(n);
        } else if (m instanceof Made.RestorerLink l) {
            RestorerDevices.Verdict v = devices.verify(l);
            if (v.kind() == RestorerDevices.Verdict.Kind.OTHER) {
                leave(m, "dev " + l.name() + " (ifindex " + v.ifindex() + ") is not the device the restore made: "
                        + v.why());
            } else if (v.ours()) {
                act(m.describe() + " (ifindex " + v.ifindex() + ")", () -> request(RestoreMessages.deleteLink(v.ifindex())));
                devices.forget(l.name());
            }
        } else if (m instanceof Made.RestorerAddress a) {
            int index = ownIndex(a.device());
            if (index > 0) {
                act(m.describe(), () -> request(RestoreMessages.deleteAddress(index, a.address())));
            }
        } else if (m instanceof Made.RestorerRoute r) {
            int index = r.route().device() == null ? 0 : ownIndex(r.route().device());
            if (index > 0) {
                act(m.describe(), () -> request(RestoreMessages.deleteRoute(r.route(), index)));
            }
        }
    }

    private void undoNamespace(Made.Namespace n) throws IOException {
        OwnedNamespaces.Found f = dryRun ? OwnedNamespaces.find(n.name(), n.file(), n.netns()) : null;
        if (!dryRun) {
            f = OwnedNamespaces.removeIfOwn(n.name(), n.file(), n.netns());
        }
        switch (f.match()) {
            case MOUNTED -> removed.add(n.describe() + " (nsfs " + n.netns() + ")");
            case FILE_ONLY -> removed.add("rm /run/netns/" + n.name() + " (made, not yet mounted)");
            case OTHER -> leave(n, "/run/netns/" + n.name() + " is not the namespace the restore made (it made nsfs "
                    + n.netns() + ", the name is now " + f.now() + ")");
            case ABSENT -> {
                // gone already
            }
        }
    }

    /**
     * The ifindex of {@code device} when it is a device this restore made (its addresses and routes are then
     * the restore's too); 0 when it is gone or someone else's (its own entry says so).
     */
    private int ownIndex(String device) {
        RestorerDevices.Verdict v = devices.known(device);
        return v != null && v.ours() ? v.ifindex() : 0;
    }

    /** Addresses and routes are undone before their device: verify every device first, once. */
    private void verifyDevicesFirst(List<Made> made) {
        for (Made m : made) {
            if (m instanceof Made.RestorerLink l) {
                try {
                    devices.verify(l);
                } catch (IOException e) {
                    // the link's own undo reports it
                }
            }
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private void act(String what, Action action) throws IOException {
        if (!dryRun) {
            action.run();
        }
        removed.add(what);
    }

    private void leave(Made m, String why) {
        leftAlone.add(Diagnostic.warning(Errno.EEXIST, subject(m), Phase.RESTORE, why + "; left alone"));
    }

    private void request(RestoreMessages.Request r) throws IOException {
        restorer.request(r.type(), r.flags() | Nl.NLM_F_ACK, r.body(), r.attributes());
    }

    private static SubjectPath subject(Made m) {
        if (m instanceof Made.Namespace n) {
            return SubjectPath.of(SubjectPath.NETNS, n.name());
        }
        SubjectPath init = SubjectPath.of(SubjectPath.NETNS, "init");
        if (m instanceof Made.RestorerLink l) {
            return init.child(SubjectPath.DEV, l.name());
        }
        if (m instanceof Made.RestorerAddress a) {
            return init.child(SubjectPath.DEV, a.device()).child(SubjectPath.ADDR, a.address().cidr());
        }
        Made.RestorerRoute r = (Made.RestorerRoute) m;
        return init.child(SubjectPath.ROUTE, r.route().destination());
    }
}
