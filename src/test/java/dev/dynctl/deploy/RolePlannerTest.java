package dev.dynctl.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.functions.ExecutionRole;
import dev.dynctl.model.StageFunction;
import dev.dynctl.model.StageTable;
import dev.dynctl.model.TableAccess;
import dev.dynctl.testing.Engine;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** Each function's execution role and its one inline policy, deployed against moto. */
class RolePlannerTest {
    @TempDir
    Path project;

    private StageFixtures stage;

    @BeforeEach
    void fixtures() {
        stage = new StageFixtures(project);
    }

    @AfterEach
    void closeProxy() {
        stage.close();
    }

    @Test
    void aRoleIsMadeUnderTheStagesPathTaggedWithOnePolicyForItsLogsAndTables() throws Exception {
        StageTable orders = stage.table("orders");
        stage.wants(List.of(orders), List.of(stage.function("api", 128, Map.of(), Map.of(orders.name(), TableAccess.READ)))).deploy();
        String name = stage.names().role("api");

        Role role = Engine.iam().getRole(b -> b.roleName(name)).role();
        assertThat(role.path()).isEqualTo("/dynctl/" + stage.service + "/dev/");
        assertThat(Json.MAPPER.readTree(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8)))
                .isEqualTo(Json.MAPPER.readTree(ExecutionRole.TRUST_POLICY));
        assertThat(Engine.iam().listRoleTags(b -> b.roleName(name)).tags()).extracting(Tag::key, Tag::value).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("dynctl:service", stage.service),
                org.assertj.core.groups.Tuple.tuple("dynctl:stage", "dev"),
                org.assertj.core.groups.Tuple.tuple("dynctl:resource", "functions.api"));
        assertThat(Engine.iam().listRolePolicies(b -> b.roleName(name)).policyNames()).containsExactly("dynctl");
        assertThat(Engine.iam().listAttachedRolePolicies(b -> b.roleName(name)).attachedPolicies()).isEmpty();

        JsonNode statements = policy(name).path("Statement");
        assertThat(statements).hasSize(2);
        String logGroup = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/" + stage.names().function("api");
        assertThat(texts(statements.get(0).path("Action"))).containsExactly("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(texts(statements.get(0).path("Resource"))).containsExactly(logGroup, logGroup + ":*");
        String table = "arn:aws:dynamodb:us-east-1:123456789012:table/" + orders.name();
        assertThat(texts(statements.get(1).path("Action"))).containsExactlyElementsOf(TableAccess.READ.actions())
                .doesNotContain("dynamodb:PutItem");
        assertThat(texts(statements.get(1).path("Resource"))).containsExactly(table, table + "/index/*");
    }

    @Test
    void aTableGivenToAFunctionUpdatesItsPolicyAndNothingElse() throws Exception {
        StageTable orders = stage.table("orders");
        StageTable users = stage.table("users");
        stage.wants(List.of(orders, users), List.of(stage.function("api", 128, Map.of(), Map.of(orders.name(), TableAccess.READ)))).deploy();

        Map<String, TableAccess> both = new LinkedHashMap<>();
        both.put(orders.name(), TableAccess.READ_WRITE);
        both.put(users.name(), TableAccess.READ);
        stage.wants(List.of(orders, users), List.of(stage.function("api", 128, Map.of(), both)));
        DeployPlan plan = stage.plan();

        assertThat(plan.pending()).extracting(Step::change).containsExactly(Change.update(ResourceKind.ROLE, stage.names().role("api"),
                List.of(new FieldChange("policy", orders.name() + " (read)", orders.name() + " (read-write), " + users.name() + " (read)"))));
        stage.deploy();
        assertThat(texts(policy(stage.names().role("api")).path("Statement").get(1).path("Action"))).contains("dynamodb:PutItem");
        assertThat(stage.plan().changesNothing()).isTrue();
    }

    @Test
    void aPolicyWrittenAnotherWayButAllowingTheSameIsLeftAlone() throws Exception {
        StageTable orders = stage.table("orders");
        StageFunction api = stage.function("api", 128, Map.of(), Map.of(orders.name(), TableAccess.WRITE));
        stage.wants(List.of(orders), List.of(api)).deploy();
        String role = stage.names().role("api");
        JsonNode policy = policy(role);
        // the same grants with keys and lists in another order
        String shuffled = "{\"Statement\":[{\"Resource\":[" + quoted(reversed(texts(policy.at("/Statement/0/Resource")))) + "],"
                + "\"Action\":[" + quoted(reversed(texts(policy.at("/Statement/0/Action")))) + "],\"Effect\":\"Allow\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[" + quoted(reversed(texts(policy.at("/Statement/1/Action")))) + "],"
                + "\"Resource\":[" + quoted(texts(policy.at("/Statement/1/Resource"))) + "]}],\"Version\":\"2012-10-17\"}";
        Engine.iam().putRolePolicy(b -> b.roleName(role).policyName("dynctl").policyDocument(shuffled));

        assertThat(stage.plan().changesNothing()).isTrue();

        Engine.iam().deleteRolePolicy(b -> b.roleName(role).policyName("dynctl"));
        assertThat(stage.plan().pending()).extracting(Step::change).containsExactly(Change.update(ResourceKind.ROLE, role,
                List.of(new FieldChange("policy", null, "logs, " + orders.name() + " (write)"))));
    }

    @Test
    void policiesAddedByHandAndAnotherTrustAreAnUpdateThatPutsTheRoleBack() throws Exception {
        StageTable orders = stage.table("orders");
        stage.wants(List.of(orders), List.of(stage.function("api", 128, Map.of(), Map.of(orders.name(), TableAccess.READ)))).deploy();
        String role = stage.names().role("api");
        String everything = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        Engine.iam().putRolePolicy(b -> b.roleName(role).policyName("added-by-hand").policyDocument(everything));
        String managed = Engine.iam().createPolicy(b -> b.policyName(Engine.uniqueName("admin")).policyDocument(everything)).policy().arn();
        Engine.iam().attachRolePolicy(b -> b.roleName(role).policyArn(managed));
        Engine.iam().updateAssumeRolePolicy(b -> b.roleName(role).policyDocument(ExecutionRole.TRUST_POLICY
                .replace("\"Service\":\"lambda.amazonaws.com\"", "\"Service\":[\"lambda.amazonaws.com\",\"ec2.amazonaws.com\"]")));
        stage.writesSinceLastLook();

        DeployPlan plan = stage.plan();

        assertThat(plan.pending()).extracting(Step::change).containsExactly(Change.update(ResourceKind.ROLE, role, List.of(
                new FieldChange("trust", "ec2.amazonaws.com, lambda.amazonaws.com", "lambda.amazonaws.com"),
                new FieldChange("inline policies", "added-by-hand", null),
                new FieldChange("attached policies", managed.substring(managed.lastIndexOf('/') + 1), null))));
        assertThat(stage.writesSinceLastLook()).isEmpty();
        stage.deploy();

        assertThat(Engine.iam().listRolePolicies(b -> b.roleName(role)).policyNames()).containsExactly("dynctl");
        assertThat(Engine.iam().listAttachedRolePolicies(b -> b.roleName(role)).attachedPolicies()).isEmpty();
        assertThat(Json.MAPPER.readTree(URLDecoder.decode(Engine.iam().getRole(b -> b.roleName(role)).role().assumeRolePolicyDocument(),
                StandardCharsets.UTF_8))).isEqualTo(Json.MAPPER.readTree(ExecutionRole.TRUST_POLICY));
        stage.writesSinceLastLook();
        assertThat(stage.plan().changesNothing()).isTrue();
        assertThat(stage.deploy()).isEmpty();
        assertThat(stage.writesSinceLastLook()).isEmpty();
    }

    @Test
    void aRoleWithTheWantedNameThatIsNotTheStagesStopsThePlanAndIsLeftAlone() {
        StageFunction api = stage.function("api");
        String name = stage.names().role("api");
        Engine.iam().createRole(b -> b.roleName(name).path(stage.names().rolePath()).assumeRolePolicyDocument(ExecutionRole.TRUST_POLICY));
        stage.wants(List.of(), List.of(api));

        assertThatThrownBy(stage::plan).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(e.getMessage()).startsWith("Role " + name + " already exists but is not stage ")
                    .contains(": it has no dynctl:service and dynctl:stage tags, so no dynctl deploy made it. The deploy leaves it alone.");
        });
        assertThat(Engine.iam().listRolePolicies(b -> b.roleName(name)).policyNames()).isEmpty();
        assertThat(stage.writesSinceLastLook()).isEmpty();
    }

    @Test
    void aRoleOfTheSameNameElsewhereIsNotTheStagesEither() {
        StageFunction api = stage.function("api");
        String name = stage.names().role("api");
        Engine.iam().createRole(b -> b.roleName(name).assumeRolePolicyDocument(ExecutionRole.TRUST_POLICY)
                .tags(t -> t.key("dynctl:service").value("other"), t -> t.key("dynctl:stage").value("dev")));
        stage.wants(List.of(), List.of(api));

        assertThatThrownBy(stage::plan).isInstanceOfSatisfying(DynctlException.class, e -> assertThat(e.getMessage())
                .contains("Role " + name + " (path /) already exists but is not stage ")
                .contains(": its tags give it to service other, stage dev."));
    }

    @Test
    void aRoleBelowTheStagesPathIsNotOneTheDeployMadeAndIsLeftAlone() throws Exception {
        stage.wants(List.of(), List.of(stage.function("api"))).deploy();
        String deeper = stage.service + "-dev-by-hand";
        Engine.iam().createRole(b -> b.roleName(deeper).path(stage.names().rolePath() + "extra/").assumeRolePolicyDocument(ExecutionRole.TRUST_POLICY)
                .tags(t -> t.key("dynctl:service").value(stage.service), t -> t.key("dynctl:stage").value("dev")));

        assertThat(stage.wants(List.of(), List.of()).plan().pending()).extracting(s -> s.change().name())
                .containsExactly(stage.names().function("api"), stage.names().role("api"));
    }

    @Test
    void aRoleNoFunctionWantsIsDeletedWithItsPolicies() throws Exception {
        stage.wants(List.of(), List.of(stage.function("api"))).deploy();
        String role = stage.names().role("api");
        Engine.iam().putRolePolicy(b -> b.roleName(role).policyName("added-by-hand").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));

        List<Change> made = stage.destroy();

        assertThat(made).extracting(Change::kind).contains(ResourceKind.ROLE);
        assertThatThrownBy(() -> Engine.iam().getRole(b -> b.roleName(role))).isInstanceOf(NoSuchEntityException.class);
    }

    private static JsonNode policy(String role) throws com.fasterxml.jackson.core.JsonProcessingException {
        String document = Engine.iam().getRolePolicy(b -> b.roleName(role).policyName("dynctl")).policyDocument();
        return Json.MAPPER.readTree(URLDecoder.decode(document, StandardCharsets.UTF_8));
    }

    private static List<String> texts(JsonNode array) {
        return array.isArray() ? java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList()
                : List.of(array.asText());
    }

    private static List<String> reversed(List<String> texts) {
        List<String> copy = new java.util.ArrayList<>(texts);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String quoted(List<String> texts) {
        return String.join(",", texts.stream().map(t -> "\"" + t + "\"").toList());
    }
}
