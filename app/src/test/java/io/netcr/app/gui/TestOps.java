package io.netcr.app.gui;

import io.netcr.app.gui.ops.CheckpointEngine;
import io.netcr.app.gui.ops.RestoreEngine;
import io.netcr.app.hosts.Cancellation;
import io.netcr.app.hosts.RestoreOutcome;
import io.netcr.app.hosts.RestoreRequest;
import io.netcr.app.hosts.RestoreWatch;
import io.netcr.app.services.RestoreService;
import io.netcr.model.Device;
import io.netcr.model.Diagnostic;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import io.netcr.model.checkpoint.CheckpointSelector;
import io.netcr.model.image.ImageWriter;
import io.netcr.model.plan.PlanSummary;
import io.netcr.model.plan.RestoreOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoint and restore for the window's tests without a kernel: the "host" is a snapshot the test gives,
 * images are real files (written and read by the same code as always), and the host the restorer sees has
 * no namespace of its own. Records what was asked.
 */
final class TestOps {

    private final Snapshot host;
    /** Where the checkpoint dialog proposes its image. */
    final Path dir;
    final List<List<String>> checkpoints = new ArrayList<>();
    final List<Path> written = new ArrayList<>();

    TestOps(Snapshot host, Path dir) {
        this.host = host;
        this.dir = dir;
    }

    CheckpointEngine checkpoint() {
        return new CheckpointEngine() {
            @Override
            public Snapshot readHost() {
                return host;
            }

            @Override
            public CheckpointResult checkpoint(List<String> specs, CheckpointOptions options) {
                checkpoints.add(List.copyOf(specs));
                return CheckpointSelector.select(host, specs, false, options);
            }

            @Override
            public void write(Snapshot image, Path output) throws IOException {
                ImageWriter.write(image, output);
                written.add(output);
            }
        };
    }

    RestoreEngine restore() {
        return new RestoreEngine() {
            @Override
            public Optional<Diagnostic> checkPrivileges() {
                return Optional.empty();
            }

            @Override
            public PlanSummary plan(Snapshot image, RestoreOptions options) {
                Namespace init = new Namespace("init", List.of(), true,
                        List.of(Device.builder(1, "lo", Device.LOOPBACK).up(true).build()));
                Snapshot view = new Snapshot(new Source(Source.LIVE, null, null, null, null, "test"), List.of(init),
                        List.of());
                return PlanSummary.of(RestoreService.plan(image, view, options)); // a host with no namespace of its own
            }

            @Override
            public RestoreOutcome apply(RestoreRequest request, RestoreWatch watch, Cancellation cancellation) {
                throw new AssertionError("the window's tests do not restore");
            }
        };
    }
}
