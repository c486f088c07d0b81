package com.acme.platform.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstanceTypesTest {
  @ParameterizedTest
  @CsvSource({"t3.nano, 2, 512", "t3.medium, 2, 4096", "t4g.2xlarge, 8, 32768", "t3a.small, 2, 2048",
      "m5.large, 2, 8192", "m6i.32xlarge, 128, 524288", "m7i.48xlarge, 192, 786432", "c5.9xlarge, 36, 73728",
      "c6g.medium, 1, 2048", "c6i.large, 2, 4096", "r5.large, 2, 16384", "r6i.xlarge, 4, 32768"})
  void lookup_knownType_vcpusAndMemory(String name, int vcpus, int memoryMiB) {
    assertThat(InstanceTypes.lookup(name)).hasValueSatisfying(t -> {
      assertThat(t.vcpus()).isEqualTo(vcpus);
      assertThat(t.memoryMiB()).isEqualTo(memoryMiB);
    });
  }

  @Test
  void lookup_unknownOrNonexistentSize_isEmpty() {
    for (String name : List.of("x2iedn.xlarge", "m5.32xlarge", "c5.8xlarge", "t3.4xlarge", "nonsense", "")) {
      assertThat(InstanceTypes.lookup(name)).as(name).isEmpty();
    }
    assertThat(InstanceTypes.lookup(null)).isEmpty();
  }

  @Test
  void limits_memoryKeepsTenPercentForTheSystem_cpuIsWhole() {
    InstanceTypes.InstanceType medium = InstanceTypes.lookup("t3.medium").orElseThrow();
    assertThat(medium.usableMemoryMiB()).isEqualTo(3686);
    assertThat(medium.cpuUnits()).isEqualTo(2048);
  }
}
