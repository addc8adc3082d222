package dev.dynctl.cli.local;

import dev.dynctl.cli.Context;
import dev.dynctl.local.EngineReport;

/** How every local command answers: its sentence on stderr, the engine's status document on stdout. */
final class LocalReports {
    private LocalReports() {
    }

    static void print(Context context, EngineReport report) {
        context.err().println(report.summary());
        context.err().flush();
        context.output().document(report.status().toJson());
    }
}
