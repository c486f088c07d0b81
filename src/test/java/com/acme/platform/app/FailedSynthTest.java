package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.app.config.ConfigError;
import com.acme.platform.app.config.ConfigException;
import com.acme.platform.app.config.ConfigLoader;
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
 * The stacks themselves, built past the loader: a props problem found while building writes nothing (the
 * synthesizer's temporary folder) and is reported at the user's file and field.
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

  private Path repoOf(BadCase badCase) {
    Path repo = tmp.resolve(badCase.name());
    Repo.copyInputs(repo);
    badCase.applyTo(repo);
    GoodOutput.copyInto(repo);
    return repo;
  }
}
