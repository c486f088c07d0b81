/**
 * JUnit 5 helpers for testing cdktf stacks built with the platform constructs (or any cdktf 0.19 stack).
 *
 * <ul>
 *   <li>{@link com.acme.platform.testing.SynthesizedStack}: synthesize a stack in a stubbed test app and assert on
 *       its resources; a failed assertion shows, per resource of the type, which property differed.</li>
 *   <li>{@link com.acme.platform.testing.GoldenFile}: compare synthesized JSON with a file under version control;
 *       {@code -Dsnapshot.update=true} rewrites the files.</li>
 *   <li>{@link com.acme.platform.testing.OfflineTerraform}: {@code terraform init}, {@code validate} and
 *       {@code plan} of a stack without AWS access or internet, against a filesystem mirror of the AWS
 *       provider.</li>
 * </ul>
 *
 * <p>This package is the only code that calls {@code com.hashicorp.cdktf.Testing}, so that a move from cdktf to its
 * community continuation changes one module.
 */
package com.acme.platform.testing;
