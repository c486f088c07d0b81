package com.acme.platform.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class PlanSummaryTest {
  @Test
  void resourcesToAdd_countsCreatesAndReplacementsNotReads() throws IOException {
    String plan = """
        {"format_version": "1.2", "resource_changes": [
          {"address": "aws_vpc.a", "change": {"actions": ["create"]}},
          {"address": "aws_subnet.b", "change": {"actions": ["delete", "create"]}},
          {"address": "data.aws_caller_identity.c", "change": {"actions": ["read"]}},
          {"address": "aws_lb.d", "change": {"actions": ["no-op"]}}]}""";

    assertThat(PlanSummary.resourcesToAdd(plan)).isEqualTo(2);
  }

  @Test
  void fails_notAPlan() {
    assertThatThrownBy(() -> PlanSummary.resourcesToAdd("{\"valid\": true}")).isInstanceOf(IOException.class)
        .hasMessage("terraform show -json did not print a plan");
  }
}
