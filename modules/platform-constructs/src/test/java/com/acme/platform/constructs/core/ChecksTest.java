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
}
