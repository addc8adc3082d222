package dev.dynctl.cli;

import picocli.CommandLine.IVersionProvider;

/** The version recorded in the jar's manifest at build time. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Dynctl.class.getPackage().getImplementationVersion();
        return new String[] {"dynctl " + (version == null ? "development build" : version),
                "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}"};
    }
}
