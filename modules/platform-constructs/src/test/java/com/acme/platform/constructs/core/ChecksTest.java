package com.acme.platform.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ChecksTest {
  @Test
  void lazySubject_isNotComputedWhenEveryCheckPasses() {
    AtomicInteger asked = new AtomicInteger();
    Checks checks = Checks.of(countingSubject(asked));

    checks.check(true, "desiredCount", "must be at least 1").between("cpu", 256, 128, 4096);
    checks.throwIfAny();

    assertThat(asked).hasValue(0);
  }

  @Test
  void lazySubject_namesTheSubjectOnceWhenACheckFails() {
    AtomicInteger asked = new AtomicInteger();
    Checks checks = Checks.of(countingSubject(asked));

    checks.between("cpu", 64, 128, 4096).check(false, "desiredCount", "must be at least 1, got 0");

    assertThatThrownBy(checks::throwIfAny).isInstanceOf(InvalidPropsException.class)
        .hasMessage("Ec2Service 'stack/api'.cpu must be between 128 and 4096, got 64\n"
            + "Ec2Service 'stack/api'.desiredCount must be at least 1, got 0");
    assertThat(asked).hasValue(1);
  }

  /** A subject that counts how often it is asked for. */
  private static Supplier<String> countingSubject(AtomicInteger asked) {
    return () -> {
      asked.incrementAndGet();
      return "Ec2Service 'stack/api'";
    };
  }

  @Test
  void kmsKeys_aliasArnsOnlyWhereTheServiceResolvesThem_tokensAndMissingValuesUnchecked() {
    String key = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    String alias = "arn:aws:kms:eu-west-1:111111111111:alias/platform";
    String govKey = "arn:aws-us-gov:kms:us-gov-west-1:111111111111:key/k1";
    String chinaAlias = "arn:aws-cn:kms:cn-north-1:111111111111:alias/platform";
    String token = "${TfToken[TOKEN.7]}";

    Checks checks = Checks.of("Props");
    for (String ok : new String[] {key, alias, govKey, chinaAlias, token, null}) {
      checks.kmsKeyOrAliasArn("bucketKey", ok);
    }
    for (String ok : new String[] {key, govKey, token, null}) {
      checks.kmsKeyArn("logKey", ok);
    }
    assertThat(checks.problems()).isEmpty();

    checks.kmsKeyArn("logKey", alias).kmsKeyOrAliasArn("bucketKey", "alias/platform")
        .kmsKeyOrAliasArn("bucketKey", "arn:aws:kms:eu-west-1:111:key/k1");
    assertThat(checks.problems()).extracting(Object::toString).containsExactly(
        "logKey must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>); an alias ARN does not work"
            + " here, got \"" + alias + "\"",
        "bucketKey must be a KMS key or alias ARN (arn:<partition>:kms:<region>:<account>:key/<id> or"
            + " :alias/<name>), got \"alias/platform\"",
        "bucketKey must be a KMS key or alias ARN (arn:<partition>:kms:<region>:<account>:key/<id> or"
            + " :alias/<name>), got \"arn:aws:kms:eu-west-1:111:key/k1\"");
  }
}
