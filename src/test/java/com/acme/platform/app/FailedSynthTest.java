package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.app.config.ConfigError;
import com.acme.platform.app.config.ConfigException;
import com.acme.platform.app.config.ConfigLoader;
import com.acme.platform.app.stacks.PropsPreflight;
import com.acme.platform.app.testing.BadCase;
import com.acme.platform.app.testing.GoodOutput;
import com.acme.platform.app.testing.Repo;
import com.acme.platform.app.testing.SynthRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stacks themselves, built past the checks that normally stop bad input first: a failure while building writes
 * nothing (the synthesizer's temporary folder), and the stacks find no problem the preflight missed.
 */
class FailedSynthTest {
  @TempDir
  Path tmp;

  @Test
  void failureWhileBuildingStacks_leavesPreviousOutputAndNoTemporaryFolder() {
    Path repo = repoOf(BadCase.named("cidr-too-large"));
    ConfigLoader.Loaded loaded = new ConfigLoader(repo).read();
    assertThat(loaded.errors()).as("the loader leaves CIDR sizes to the props").isEmpty();
    Map<String, String> before = Repo.contents(repo.resolve("cdktf.out"));

    assertThatThrownBy(() -> Synthesizer.synthesize(loaded.config(), List.of(), repo.resolve("cdktf.out")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getErrors()).extracting(Object::toString)
            .containsExactly("environments/staging.json: network.cidr: must have a prefix length between /16 and"
                + " /24, got \"10.0.0.0/8\""));
    assertThat(Repo.contents(repo.resolve("cdktf.out"))).isEqualTo(before);
    assertThat(SynthRun.leftovers(repo)).isEmpty();
  }

  @Test
  void stacks_reportNothingThePreflightMissed() {
    int compared = 0;
    for (BadCase badCase : BadCase.all()) {
      Path repo = repoOf(badCase);
      ConfigLoader.Loaded loaded = new ConfigLoader(repo).read();
      if (!loaded.errors().isEmpty()) {
        continue;
      }
      List<ConfigError> preflight = PropsPreflight.check(loaded.config(), List.of());
      List<ConfigError> stacks;
      try {
        Synthesizer.synthesize(loaded.config(), List.of(), repo.resolve("cdktf.out"));
        stacks = List.of();
      } catch (ConfigException e) {
        stacks = e.getErrors();
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
      // The stacks name routings by construct id, the service name in PascalCase ('Web' for web).
      assertThat(lowerCase(preflight)).as("bad/" + badCase.name() + ": the preflight's problems")
          .containsAll(lowerCase(stacks));
      // Some rules only the preflight applies (the full S3 rules on stateBucket): then the stacks find nothing.
      compared += stacks.isEmpty() ? 0 : 1;
    }
    assertThat(compared).as("cases whose problems the stacks find too").isGreaterThanOrEqualTo(20);
  }

  private static List<String> lowerCase(List<ConfigError> errors) {
    return errors.stream().map(e -> e.toString().toLowerCase(java.util.Locale.ROOT)).toList();
  }

  private Path repoOf(BadCase badCase) {
    Path repo = tmp.resolve(badCase.name());
    Repo.copyInputs(repo);
    badCase.applyTo(repo);
    GoodOutput.copyInto(repo);
    return repo;
  }
}
