package com.acme.platform.app.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * vCPUs and memory of common EC2 instance types, to tell at synth whether a task can ever be placed on a cluster's
 * instances. Types not listed are not checked (no error): the table is a convenience, not a gate.
 *
 * <p>Covered: t3, t3a, t4g (nano to 2xlarge), m5, m6i, m7i, m6g (4 GiB per vCPU), c5, c6i, c6g (2 GiB per vCPU),
 * r5, r6i, r6g (8 GiB per vCPU), in the sizes AWS offers for each family. Source:
 * <a href="https://aws.amazon.com/ec2/instance-types/">Amazon EC2 instance types</a>.
 */
final class InstanceTypes {
  /**
   * ECS registers less memory than the instance has: the operating system and the ECS agent keep some. AWS gives no
   * fixed figure (registered memory is typically 92-96 % of the instance's); tasks are checked against 90 %, a
   * conservative estimate. See
   * <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html">Container instance
   * memory management</a>.
   */
  static final int USABLE_MEMORY_PERCENT = 90;
  /** ECS counts 1024 CPU units per vCPU and reserves none for itself. */
  static final int CPU_UNITS_PER_VCPU = 1024;

  private static final Map<String, InstanceType> TYPES = new HashMap<>();

  static {
    burstable("t3");
    burstable("t3a");
    burstable("t4g");
    List<String> upTo24 = List.of("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge",
        "24xlarge");
    List<String> upTo32 = List.of("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge",
        "24xlarge", "32xlarge");
    List<String> graviton2 = List.of("medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge",
        "16xlarge");
    family("m5", upTo24, 4);
    family("m6i", upTo32, 4);
    family("m7i", List.of("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge",
        "48xlarge"), 4);
    family("m6g", graviton2, 4);
    family("c5", List.of("large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge"), 2);
    family("c6i", upTo32, 2);
    family("c6g", graviton2, 2);
    family("r5", upTo24, 8);
    family("r6i", upTo32, 8);
    family("r6g", graviton2, 8);
  }

  private InstanceTypes() {}

  /**
   * One instance type's capacity.
   *
   * @param name for example {@code t3.medium}
   * @param vcpus its vCPUs
   * @param memoryMiB its memory
   */
  record InstanceType(String name, int vcpus, int memoryMiB) {
    /** The CPU units a task may use at most: all vCPUs. */
    int cpuUnits() {
      return vcpus * CPU_UNITS_PER_VCPU;
    }

    /** The memory tasks may use at most, after the operating system and the ECS agent. */
    int usableMemoryMiB() {
      return memoryMiB * USABLE_MEMORY_PERCENT / 100;
    }
  }

  /**
   * Looks an instance type up.
   *
   * @param name for example {@code m6i.large}
   * @return its capacity, or empty when the type is not in the table
   */
  static Optional<InstanceType> lookup(String name) {
    return Optional.ofNullable(name == null ? null : TYPES.get(name));
  }

  /** Burstable families: 2 vCPUs up to large, then 4 and 8; memory doubles from 0.5 GiB (nano). */
  private static void burstable(String family) {
    String[] sizes = {"nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"};
    int[] vcpus = {2, 2, 2, 2, 2, 4, 8};
    for (int i = 0; i < sizes.length; i++) {
      put(family + "." + sizes[i], vcpus[i], 512 << i);
    }
  }

  /** Families with a fixed memory per vCPU: medium 1 vCPU, large 2, xlarge 4, Nxlarge 4N. */
  private static void family(String family, List<String> sizes, int gibPerVcpu) {
    for (String size : sizes) {
      int vcpus = switch (size) {
        case "medium" -> 1;
        case "large" -> 2;
        case "xlarge" -> 4;
        default -> 4 * Integer.parseInt(size.substring(0, size.length() - "xlarge".length()));
      };
      put(family + "." + size, vcpus, vcpus * gibPerVcpu * 1024);
    }
  }

  private static void put(String name, int vcpus, int memoryMiB) {
    TYPES.put(name, new InstanceType(name, vcpus, memoryMiB));
  }
}
