package com.acme.platform.app;

import com.acme.platform.app.config.ConfigError;
import com.acme.platform.app.config.ConfigException;
import com.acme.platform.app.config.EnvironmentConfig;
import com.acme.platform.app.config.PlatformConfig;
import com.acme.platform.app.stacks.RegistryStack;
import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.core.Problem;
import com.acme.platform.constructs.policy.PolicyCheck;
import com.acme.platform.constructs.policy.PolicyCheckProps;
import com.acme.platform.constructs.policy.PolicyFinding;
import com.acme.platform.constructs.policy.PolicyReport;
import com.acme.platform.constructs.policy.WaivedFinding;
import com.acme.platform.constructs.policy.Waiver;
import com.acme.platform.constructs.policy.WaiverProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy check of every synthesized stack ({@link PolicyCheck} with all of the library's rules), run on the
 * built stacks before anything is written.
 *
 * <p>Waivers come from the environment files: {@code policy.waivers} of {@code environments/<env>.json} for that
 * environment's stack, and {@code policy.registryWaivers} of every environment file for the shared registry stack
 * (its repositories belong to the services of all environments), or, per service, for the stack of the waived
 * resource's repository. Problems come in two rounds, like the input's: first
 * the waivers themselves (a missing reason, an unknown rule, a duplicate), each at its file and field; then, once
 * every waiver is well-formed, each stack's findings ({@code <stack>: <resource address>: <rule> ...}) and the
 * waivers that waive nothing (at their file and field).
 */
final class StackPolicies {
  private static final Pattern WAIVER_FIELD = Pattern.compile("waivers\\[(\\d+)](.*)");

  private StackPolicies() {}

  /** A waiver and where it was written. */
  private record Located(Waiver waiver, String file, String path) {}

  /** The check of one stack: its props and where each of its waivers came from, in props order. */
  private record StackPolicy(PlatformApp.BuiltStack stack, PolicyCheckProps props, List<Located> waivers) {}

  /**
   * Checks every built stack.
   *
   * @param config the configuration the stacks were built from
   * @param stacks the built stacks
   * @param evaluate runs the check on one stack's Terraform JSON: from the synthesized file when there is one (cheap),
   *     else from the stack itself ({@link PolicyCheck#evaluate(com.hashicorp.cdktf.TerraformStack, PolicyCheckProps)})
   * @return the waived findings of every stack, one line each with its reason and where the waiver is written, keyed
   *     by stack name
   * @throws ConfigException with every waiver problem, or else with every finding and every waiver that waives
   *     nothing
   */
  static Map<String, List<String>> check(PlatformConfig config, List<PlatformApp.BuiltStack> stacks,
      BiFunction<PlatformApp.BuiltStack, PolicyCheckProps, PolicyReport> evaluate) {
    List<ConfigError> errors = new ArrayList<>();
    List<StackPolicy> policies = new ArrayList<>();
    for (PlatformApp.BuiltStack stack : stacks) {
      List<Located> waivers = waivers(config, stack.stackName());
      try {
        PolicyCheckProps props = PolicyCheckProps.builder().waivers(waivers.stream().map(Located::waiver).toList())
            .build();
        policies.add(new StackPolicy(stack, props, waivers));
      } catch (InvalidPropsException e) {
        for (Problem p : e.getProblems()) {
          errors.add(locate(waivers, p.field(), p.message()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    Map<String, List<String>> waived = new LinkedHashMap<>();
    for (StackPolicy policy : policies) {
      PolicyReport report = evaluate.apply(policy.stack(), policy.props());
      for (PolicyFinding f : report.findings()) {
        errors.add(new ConfigError(f.stackName(), f.address(), f.message()));
      }
      for (WaiverProblem p : report.waiverProblems()) {
        errors.add(locate(policy.waivers(), "waivers[" + p.waiverIndex() + "]." + p.field(), p.problem()));
      }
      List<String> lines = new ArrayList<>();
      for (WaivedFinding w : report.waived()) {
        Located at = policy.waivers().get(w.waiverIndex());
        lines.add(w.finding().address() + ": " + w.finding().rule().label() + " waived by " + at.file() + " "
            + at.path() + ": " + w.waiver().reason());
      }
      waived.put(policy.stack().stackName(), lines);
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return waived;
  }

  /** The waivers of a stack, with where each was written. */
  private static List<Located> waivers(PlatformConfig config, String stackName) {
    List<Located> out = new ArrayList<>();
    for (EnvironmentConfig env : config.environments()) {
      String file = PlatformConfig.fileOf(env);
      if (stackName.equals(RegistryStack.NAME) || stackName.startsWith(RegistryStack.NAME + "-")) {
        // Per service, each waiver goes to the stack of its repository; one that matches none is checked (and
        // reported as naming no resource) in the first registry stack.
        List<Waiver> registryWaivers = env.policy().registryWaivers();
        for (int i = 0; i < registryWaivers.size(); i++) {
          String resource = registryWaivers.get(i).resource();
          if (resource != null && stackName.equals(RegistryStack.stackHolding(env.registry(), config, resource))) {
            out.add(new Located(registryWaivers.get(i), file, "policy.registryWaivers[" + i + "]"));
          }
        }
      } else if (PlatformApp.stackName(env.name()).equals(stackName)) {
        add(out, env.policy().waivers(), file, "policy.waivers");
      }
    }
    return out;
  }

  private static void add(List<Located> out, List<Waiver> waivers, String file, String field) {
    for (int i = 0; i < waivers.size(); i++) {
      out.add(new Located(waivers.get(i), file, field + "[" + i + "]"));
    }
  }

  /**
   * A problem of {@code waivers[i]...} at the file and field where waiver {@code i} was written; the index of a
   * duplicate in its message is rewritten the same way.
   */
  private static ConfigError locate(List<Located> waivers, String field, String message) {
    Matcher m = WAIVER_FIELD.matcher(field);
    if (!m.matches()) {
      return new ConfigError("", "policy", message);
    }
    Located at = waivers.get(Integer.parseInt(m.group(1)));
    String tail = m.group(2);
    Matcher other = Pattern.compile("waivers\\[(\\d+)]").matcher(message);
    StringBuilder text = new StringBuilder();
    while (other.find()) {
      Located first = waivers.get(Integer.parseInt(other.group(1)));
      other.appendReplacement(text, Matcher.quoteReplacement(first.file().equals(at.file()) ? first.path()
          : first.file() + " " + first.path()));
    }
    other.appendTail(text);
    return new ConfigError(at.file(), at.path() + tail, text.toString());
  }
}
