package dev.dynctl.deploy;

import dev.dynctl.aws.Clients;
import dev.dynctl.model.ProjectFile;
import dev.dynctl.model.ServiceStage;
import dev.dynctl.model.StageTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * One stage of a project, ready to plan, apply or destroy: the one place where the project file,
 * the account and region, and the planners in their order are put together, so that {@code
 * deploy plan}, {@code deploy} and {@code deploy destroy} always see the same stage the same way.
 */
public final class StageDeployment {
    /** Where a stage's tables are exported before they are deleted: under the project's directory. */
    static final Path BACKUPS = Path.of(".dynctl", "backups");

    private final DeployContext context;
    private final ApiPlanner apis;
    private final Deployer deployer;
    private final Path backupDirectory;

    private StageDeployment(DeployContext context, Path backupDirectory) {
        this.context = context;
        this.backupDirectory = backupDirectory;
        this.apis = new ApiPlanner();
        this.deployer = new Deployer(List.of(new RolePlanner(), new TablePlanner(backupDirectory), new FunctionPlanner(), apis));
    }

    /**
     * The stage as the project file wants it; a table the deploy deletes (one the file no longer
     * lists) is exported first to the default backup directory.
     *
     * @param environment what {@code ${env:NAME}} reads
     */
    public static StageDeployment wanted(Clients clients, ProjectFile project, String stage, Map<String, String> environment,
                                         Consumer<String> notes) {
        // a missing file or a bad name is exit 2, even without credentials for STS
        project.stageNames(stage);
        Account account = Account.of(clients);
        StageTarget target = new StageTarget(account.partition(), account.region(), account.id(), environment);
        ServiceStage wanted = project.forStage(stage, target);
        return new StageDeployment(new DeployContext(clients, wanted, account.id(), account.region(), account.partition(), notes),
                defaultBackups(wanted));
    }

    /**
     * Nothing: what {@code destroy} wants, so that every resource the stage owns is deleted. Only
     * the service's name is taken from the project file.
     *
     * @param backupDirectory where each table is exported before it is deleted; null for the
     *                        default, {@code .dynctl/backups/STAGE} next to the project file
     * @param skipBackup no export at all
     */
    public static StageDeployment nothing(Clients clients, ProjectFile project, String stage, Path backupDirectory,
                                          boolean skipBackup, Consumer<String> notes) {
        ServiceStage none = project.nothingInStage(stage);
        Account account = Account.of(clients);
        Path backups = skipBackup ? null : backupDirectory != null ? backupDirectory : defaultBackups(none);
        return new StageDeployment(new DeployContext(clients, none, account.id(), account.region(), account.partition(), notes),
                backups);
    }

    public DeployContext context() {
        return context;
    }

    /** Where tables are exported before they are deleted; null when they are not. */
    public Path backupDirectory() {
        return backupDirectory;
    }

    /** Reads only. */
    public DeployPlan plan() throws InterruptedException {
        return deployer.plan(context);
    }

    /** @return the changes made */
    public List<Change> apply(DeployPlan plan) throws InterruptedException {
        return deployer.apply(plan, context);
    }

    /** Where the stage's APIs answer (reads only). */
    public List<ApiEndpoint> endpoints() {
        return apis.endpoints(context);
    }

    /** {@code .dynctl/backups/STAGE} next to the project file. */
    private static Path defaultBackups(ServiceStage stage) {
        return stage.projectDirectory().resolve(BACKUPS).resolve(stage.stage());
    }

    /** Who the deploy runs as, from STS: the account and partition its ARNs name, and the region. */
    private record Account(String id, String partition, String region) {
        static Account of(Clients clients) {
            GetCallerIdentityResponse identity = clients.sts().getCallerIdentity();
            // arn:PARTITION:sts::ACCOUNT:assumed-role/… — the partition is the ARN's second field
            String[] arn = identity.arn().split(":", 3);
            String partition = arn.length == 3 && !arn[1].isEmpty() ? arn[1] : "aws";
            return new Account(identity.account(), partition, clients.region().id());
        }
    }
}
