package dev.dynctl.cli.deploy;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Make the stage what dynctl.yaml says (the same as deploy without a command).",
            "",
            "Shows the plan (action, kind, name, changes; the summary on stderr), makes the changes — roles, "
                    + "tables, functions, APIs, then deletions in reverse — waiting for each to be ready, and "
                    + "prints each API's invoke URL. Nothing to change: 'No changes.' and no write request. A "
                    + "table the file no longer lists is exported to .dynctl/backups/STAGE/ and deleted, after "
                    + "a question unless --yes (--no-input refuses). With -o json: one document, the plan's "
                    + "changes, summary and the endpoints."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl deploy apply --stage dev",
            "  dynctl deploy apply --stage prod --yes --no-input -o json",
            "  dynctl --local deploy apply --stage dev     # on the local engine"})
public final class DeployApplyCommand extends DynctlCommand {
    @Mixin
    StageOption stage;

    @Override
    protected void run(Context context) throws InterruptedException {
        StageApply.run(context, stage.stage());
    }
}
