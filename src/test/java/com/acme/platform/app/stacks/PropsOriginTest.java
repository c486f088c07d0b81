package com.acme.platform.app.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.constructs.core.Problem;
import org.junit.jupiter.api.Test;

class PropsOriginTest {
  private final PropsOrigin origin = PropsOrigin.of("environments/staging.json", "services[1]")
      .field("memoryMiB", "services[1].memoryMiB")
      .field("containerDefinitions", "task-definitions/api.json", "")
      .field("containerDefinitions[0]", "task-definitions/api.json", "first");

  @Test
  void locate_mappedField_reportedAtTheUsersFieldWithoutThePropsName() {
    assertThat(origin.locate("Ec2ServiceProps", new Problem("memoryMiB", "must be between 128 and 122880, got 6"))
        .toString()).isEqualTo("environments/staging.json: services[1].memoryMiB: must be between 128 and 122880,"
            + " got 6");
  }

  @Test
  void locate_deeperField_keepsItsTailInTheOtherFile_longestMappingWins() {
    assertThat(origin.locate("Ec2ServiceProps", new Problem("containerDefinitions[1].image", "is required"))
        .toString()).isEqualTo("task-definitions/api.json: [1].image: is required");
    assertThat(origin.locate("Ec2ServiceProps", new Problem("containerDefinitions[0].name", "is required"))
        .toString()).isEqualTo("task-definitions/api.json: first.name: is required");
    assertThat(origin.locate("Ec2ServiceProps", new Problem("containerDefinitions", "must have one"))
        .toString()).isEqualTo("task-definitions/api.json: must have one");
  }

  @Test
  void locate_unmappedField_atTheEntryWithThePropsName() {
    assertThat(origin.locate("Ec2ServiceProps", new Problem("logRetentionDays", "must be one of [1, 3]"))
        .toString()).isEqualTo("environments/staging.json: services[1]: Ec2ServiceProps.logRetentionDays must be one"
            + " of [1, 3]");
  }

  @Test
  void locate_prefixOfAnotherName_notMapped() {
    assertThat(origin.locate("Ec2ServiceProps", new Problem("memoryMiBExtra", "x")).field()).isEqualTo("services[1]");
  }
}
