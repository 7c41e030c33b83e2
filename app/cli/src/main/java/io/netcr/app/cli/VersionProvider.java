package io.netcr.app.cli;

import io.netcr.app.Version;
import picocli.CommandLine;

/** {@code netcr --version}: the build's version and the Java that runs it. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return Version.lines();
    }
}
