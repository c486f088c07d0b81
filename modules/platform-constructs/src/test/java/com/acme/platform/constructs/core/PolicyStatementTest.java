package com.acme.platform.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Least privilege for every statement the library and its callers build. */
class PolicyStatementTest {

  @Test
  void allow_specificActionsOnArns_passes() {
    assertThat(PolicyStatement.allow(List.of("s3:GetObject", "s3:PutObject"),
        List.of("arn:aws:s3:::orders/*")).actions()).containsExactly("s3:GetObject", "s3:PutObject");
  }

  @Test
  void allow_readsAndResourcelessWritesOnStar_pass() {
    assertThat(PolicyStatement.allow(List.of("ecr:GetAuthorizationToken", "ec2:DescribeInstances",
        "cloudwatch:PutMetricData", "xray:PutTraceSegments"), List.of("*")).resources()).containsExactly("*");
  }

  @Test
  void deny_mayUseWildcards() {
    assertThat(PolicyStatement.builder().allow(false).actions(List.of("s3:*")).resources(List.of("*")).build()
        .allowEffect()).isFalse();
  }

  @Test
  void fails_wholeService() {
    assertThatThrownBy(() -> PolicyStatement.allow(List.of("s3:*", "sqs:SendMessage"), List.of("arn:aws:s3:::b")))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PolicyStatement.actions[0] must not allow every action of a service, got \"s3:*\"; list the"
            + " actions the application needs");
  }

  @Test
  void fails_starAction() {
    assertThatThrownBy(() -> PolicyStatement.allow(List.of("*"), List.of("arn:aws:s3:::b")))
        .hasMessage("PolicyStatement.actions[0] must be an IAM action such as \"s3:GetObject\" (service prefix, ':',"
            + " action name), got \"*\"");
  }

  @Test
  void fails_passRoleOnStar() {
    assertThatThrownBy(() -> PolicyStatement.allow(List.of("iam:PassRole"), List.of("*")))
        .hasMessage("PolicyStatement.resources must not be \"*\" with iam:PassRole: the role could hand any role of"
            + " the account to a service (privilege escalation); name the ARNs of the roles it may pass");
  }

  @Test
  void fails_writeOnStar() {
    assertThatThrownBy(() -> PolicyStatement.allow(List.of("s3:GetObject", "s3:PutObject", "sqs:SendMessage"),
        List.of("*")))
        .hasMessage("PolicyStatement.resources must not be \"*\" with actions that change something"
            + " ([s3:PutObject, sqs:SendMessage]): \"*\" is only for reads (Describe*, Get*, List*) and for actions"
            + " without resource-level permissions " + PolicyStatement.RESOURCELESS_WRITE_ACTIONS
            + "; name the ARNs they act on");
  }
}
