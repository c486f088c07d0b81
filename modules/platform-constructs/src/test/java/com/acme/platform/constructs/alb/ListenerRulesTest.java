package com.acme.platform.constructs.alb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The priority and condition bookkeeping on its own: no constructs, no jsii. */
class ListenerRulesTest {
  private final ListenerRules rules = new ListenerRules("load balancer 'public'");

  private static ServiceRoutingProps route(Integer priority, String path) {
    // The target group is named after the path ("/web" gives "web"): messages name rules by target group.
    return ServiceRoutingProps.builder().targetGroupName(path.replaceAll("[^a-z0-9]", "")).port(8080)
        .priority(priority)
        .loadBalancer(Fixtures.LOAD_BALANCER).pathPatterns(List.of(path)).build();
  }

  @Test
  void add_assignsLowestFreeMultipleOf10_andKeepsExplicitOnes() {
    assertThat(List.of(rules.add("a", route(null, "/a")), rules.add("b", route(30, "/b")),
        rules.add("c", route(null, "/c")), rules.add("d", route(15, "/d")), rules.add("e", route(null, "/e"))))
        .containsExactly(10, 30, 20, 15, 40);
  }

  @Test
  void fails_samePriority_namesBothOwnersAndTheSubject() {
    rules.add("web", route(100, "/web"));
    assertThatThrownBy(() -> rules.add("api", route(100, "/api")))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("load balancer 'public'.listenerRules priority 100 is used by both target groups 'web' and 'api';"
            + " give each service a distinct priority");
  }

  @Test
  void fails_sameConditions() {
    rules.add("web", route(null, "/x").toBuilder().targetGroupName("web").build());
    assertThatThrownBy(() -> rules.add("api", route(null, "/x").toBuilder().targetGroupName("api").build()))
        .hasMessage("load balancer 'public'.listenerRules conditions (host headers [], path patterns [/x]) are used"
            + " by both target groups 'web' and 'api'; give each service a distinct host header or path pattern");
  }

  @Test
  void fails_sameIdTwice() {
    rules.add("web", route(null, "/a"));
    assertThatThrownBy(() -> rules.add("web", route(null, "/b")))
        .hasMessage("load balancer 'public'.listenerRules routing id 'web' is already used;"
            + " give each routing a distinct id");
  }
}
