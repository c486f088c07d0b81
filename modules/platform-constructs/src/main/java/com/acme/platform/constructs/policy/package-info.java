/**
 * The security policy check: rules that scanners such as checkov and tfsec/trivy apply to AWS resources, run over
 * the synthesized Terraform JSON of a stack, with audited waivers.
 *
 * <p>{@link com.acme.platform.constructs.policy.PolicyRules#all()} lists the rules;
 * {@link com.acme.platform.constructs.policy.PolicyCheck#evaluate} checks one stack's JSON and returns a
 * {@link com.acme.platform.constructs.policy.PolicyReport}; {@link com.acme.platform.constructs.policy.PolicyCheck#addTo}
 * makes a stack run the same check when it is synthesized. A
 * {@link com.acme.platform.constructs.policy.Waiver} names one resource address and one rule and must say why.
 *
 * <p>The check is a pass over the JSON tree (resource type, name, configuration), not a cdktf Aspect: it sees
 * exactly what Terraform will see, including escape-hatch overrides, and gives the same result for the same JSON.
 */
package com.acme.platform.constructs.policy;
