package com.acme.platform.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the destruction of a synthesized stack offline, as far as that is possible without a real state: the
 * stack goes through {@link StackCheck} first (init, validate, plan), then a stand-in state is written from that
 * plan's planned values, as if the plan had been applied, and {@code terraform plan -destroy -refresh=false} runs
 * against it behind a {@link NetworkGuard}.
 *
 * <p>What this proves: the configuration (a teardown configuration, say) plans; Terraform can order the deletion of
 * every resource; and nothing blocks it at plan time ({@code prevent_destroy} does). What it cannot prove: how long
 * AWS takes, or whether protected instances hold up a delete; that is what the settings under test are for.
 * Values known only after apply (ids, ARNs) are absent from the stand-in state; a destroy plan does not read them.
 */
public final class DestroyPlan {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String AWS = "registry.terraform.io/hashicorp/aws";
  private static final String STATE_FILE = "terraform.tfstate";
  private static final String DESTROY_PLAN_FILE = "offline-destroy.tfplan";
  private static final long TIMEOUT_SECONDS = 600;

  private DestroyPlan() {}

  /**
   * The outcome.
   *
   * @param check the offline check of the stack that came first
   * @param deleted the addresses the destroy plan deletes, in the plan's order; empty when it did not run
   * @param failure what went wrong after the check, in Terraform's words; empty on success
   * @param networkAttempts network requests Terraform tried during the destroy plan (each fails)
   */
  public record Result(StackResult check, List<String> deleted, List<String> failure, List<String> networkAttempts) {
    /** Copies the lists. */
    public Result {
      deleted = List.copyOf(deleted);
      failure = List.copyOf(failure);
      networkAttempts = List.copyOf(networkAttempts);
    }
  }

  /**
   * Checks one stack, then plans its destruction.
   *
   * @param terraform the offline terraform runner
   * @param outdir the synthesized output ({@code cdktf.out}); only read
   * @param stack the stack name
   * @param work the folder for the copy; the stack goes to {@code work/<stack>}
   * @return what was found; failures are reported in the result, not thrown
   */
  public static Result plan(TerraformCli terraform, Path outdir, String stack, Path work) {
    StackResult check = StackCheck.check(terraform, outdir, stack, work);
    List<String> failure = new ArrayList<>();
    if (!check.failure().isEmpty()) {
      failure.add("the offline check failed first");
      return new Result(check, List.of(), failure, List.of());
    }
    Path dir = work.resolve(stack);
    try (NetworkGuard guard = NetworkGuard.start()) {
      TerraformCli offline = terraform.isolated(guard);
      List<String> deleted = List.of();
      ProcessRun.Result show = offline.run(dir, TIMEOUT_SECONDS, "show", "-json", "-no-color", StackCheck.PLAN_FILE);
      ProcessRun.Result schema = show.ok()
          ? offline.run(dir, TIMEOUT_SECONDS, "providers", "schema", "-json", "-no-color") : show;
      if (!show.ok() || !schema.ok()) {
        failure.add("terraform show or providers schema failed:");
        TerraformOutput.diagnostics((show.ok() ? schema : show).output()).forEach(l -> failure.add("  " + l));
      } else {
        Files.writeString(dir.resolve(STATE_FILE), MAPPER.writeValueAsString(
            standInState(MAPPER.readTree(show.output()), MAPPER.readTree(schema.output()))),
            StandardCharsets.UTF_8);
        ProcessRun.Result destroy = offline.run(dir, TIMEOUT_SECONDS, "plan", "-destroy", "-refresh=false",
            "-input=false", "-lock=false", "-no-color", "-out=" + DESTROY_PLAN_FILE);
        ProcessRun.Result shown = destroy.ok()
            ? offline.run(dir, TIMEOUT_SECONDS, "show", "-json", "-no-color", DESTROY_PLAN_FILE) : destroy;
        if (!shown.ok()) {
          failure.add("terraform plan -destroy failed:");
          TerraformOutput.diagnostics(shown.output()).forEach(l -> failure.add("  " + l));
        } else {
          deleted = deletions(MAPPER.readTree(shown.output()));
        }
      }
      guard.close(); // first, so that every connection it accepted is recorded before we read them
      return new Result(check, deleted, failure, guard.attempts());
    } catch (IOException e) {
      failure.add("could not plan the destruction of " + stack + ": " + e.getMessage());
      return new Result(check, List.of(), failure, List.of());
    }
  }

  /**
   * A version 4 state holding every managed resource of the plan with its planned values, at the schema version
   * the provider expects (an older one would make the provider upgrade values it never wrote).
   */
  static ObjectNode standInState(JsonNode plan, JsonNode schema) {
    JsonNode schemas = schema.path("provider_schemas").path(AWS).path("resource_schemas");
    ObjectNode state = MAPPER.createObjectNode();
    state.put("version", 4);
    state.put("terraform_version", plan.path("terraform_version").asText());
    state.put("serial", 1);
    state.put("lineage", "offline-destroy-plan");
    state.putObject("outputs");
    ArrayNode resources = state.putArray("resources");
    for (JsonNode r : plan.path("planned_values").path("root_module").path("resources")) {
      if (!"managed".equals(r.path("mode").asText())) {
        continue;
      }
      ObjectNode resource = resources.addObject();
      resource.put("mode", "managed");
      resource.put("type", r.path("type").asText());
      resource.put("name", r.path("name").asText());
      resource.put("provider", "provider[\"" + AWS + "\"]");
      ObjectNode instance = resource.putArray("instances").addObject();
      instance.put("schema_version", schemas.path(r.path("type").asText()).path("version").asInt());
      // Terraform leaves "values" out when no planned attribute is known yet (a bucket policy whose bucket and
      // document both name the bucket that the same plan creates, for example).
      ObjectNode attributes = r.path("values").isObject() ? r.path("values").deepCopy() : MAPPER.createObjectNode();
      // Terraform needs an id to call a resource existing; the real one is known only after apply.
      if (!attributes.hasNonNull("id")) {
        attributes.put("id", "offline-" + r.path("name").asText());
      }
      instance.set("attributes", attributes);
    }
    return state;
  }

  private static List<String> deletions(JsonNode plan) {
    List<String> deleted = new ArrayList<>();
    for (JsonNode change : plan.path("resource_changes")) {
      JsonNode actions = change.path("change").path("actions");
      if (actions.size() == 1 && "delete".equals(actions.get(0).asText())) {
        deleted.add(change.path("address").asText());
      }
    }
    return deleted;
  }
}
