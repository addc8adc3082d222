package dev.dynctl.deploy;

import dev.dynctl.aws.Clients;
import dev.dynctl.model.ServiceStage;
import dev.dynctl.model.StageArns;
import dev.dynctl.model.StageNames;
import java.util.function.Consumer;

/**
 * What every planner and step works with.
 *
 * @param stage what the project wants (nothing, for destroy)
 * @param account the account id (STS GetCallerIdentity), for the ARNs the deploy writes into policies
 * @param region the region name
 * @param partition aws, aws-cn, aws-us-gov
 * @param notes progress for stderr ("Created table notes-dev-items."); never the result itself
 */
public record DeployContext(Clients clients, ServiceStage stage, String account, String region, String partition,
                            Consumer<String> notes) {
    public StageArns arns() {
        return new StageArns(partition, region, account);
    }

    public StageNames names() {
        return new StageNames(stage.service(), stage.stage());
    }
}
