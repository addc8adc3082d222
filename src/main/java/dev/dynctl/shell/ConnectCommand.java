package dev.dynctl.shell;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = ConnectCommand.NAME,
        description = {"Send the shell's statements somewhere else: the local engine (--local), an endpoint "
                + "(--endpoint-url), or AWS with --profile and --region. The target is checked with one "
                + "ListTables request; the table in use is forgotten.",
            "Without options, says where statements go."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  connect --local",
            "  connect --profile prod --region eu-west-1",
            "  connect --endpoint-url http://localhost:8000 --region us-east-1"})
final class ConnectCommand extends DynctlCommand {
    @Mixin
    HelpOption help;

    static final String NAME = "connect";

    private final Session session;

    ConnectCommand(Session session) {
        this.session = session;
    }

    @Override
    protected void run(Context context) {
        GlobalOptions options = context.options();
        Connection chosen = new Connection(options.profile(), options.region(), options.endpointUrl(), options.local());
        if (!chosen.equals(session.connection())) {
            context.clients().dynamo().listTables(request -> request.limit(1));
            session.connect(chosen);
        }
        // without options this statement ran with the session's own target, so its clients say where that is
        context.err().println("Connected to " + context.clients().where() + ".");
    }
}
