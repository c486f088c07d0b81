package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.app.testing.BadCase;
import com.acme.platform.app.testing.GoodOutput;
import com.acme.platform.app.testing.Repo;
import com.acme.platform.app.testing.SynthRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of {@code src/test/resources/bad/} (format: the README.md there) fails the run with exactly the
 * expected problems, exit status 1, and leaves a previous {@code cdktf.out} byte for byte as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  /** Marks a README example: {@code <!-- bad/<case> -->} right before its code block. */
  private static final Pattern README_EXAMPLE = Pattern.compile("<!-- bad/([a-z0-9-]+) -->\\s*```\\n(.*?)```",
      Pattern.DOTALL);

  @TempDir
  Path tmp;
  private Map<String, String> good;

  @BeforeAll
  void synthesizeTheGoodOutput() {
    good = GoodOutput.contents();
    assertThat(good).containsKey("stacks/platform-staging/cdk.tf.json");
  }

  static List<BadCase> cases() {
    return BadCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInput_reportsExactlyItsProblems_andWritesNothing(BadCase badCase) {
    SynthRun run = run(badCase);
    String context = "bad/" + badCase.name() + " (" + badCase.about() + ")";
    run.assertCleanFailure(tmp.resolve(badCase.name()), good, context);
    List<String> unmatched = new ArrayList<>(run.problems());
    for (String fragment : badCase.expect()) {
      String line = unmatched.stream().filter(l -> l.contains(fragment)).findFirst().orElse(null);
      assertThat(line).as(context + ": no problem line contains\n  " + fragment + "\nin\n" + run.err()).isNotNull();
      unmatched.remove(line);
    }
    assertThat(unmatched).as(context + ": problems the case does not expect").isEmpty();
  }

  @Test
  void suite_hasAtLeastFortyDistinctCases() {
    List<BadCase> all = BadCase.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(40);
    assertThat(all.stream().map(BadCase::about).distinct().count()).isEqualTo(all.size());
  }

  @Test
  void problems_ofSeveralFiles_comeTogetherSortedByFile() {
    SynthRun run = run(BadCase.named("three-files-at-once"));
    List<String> files = run.problems().stream().map(l -> l.substring(0, l.indexOf(':'))).toList();
    assertThat(files).containsExactly("environments/production.json", "environments/staging.json",
        "task-definitions/worker.json");
  }

  @Test
  void readme_whenSynthFails_examplesAreWhatTheProgramPrints() throws IOException {
    String readme = Files.readString(Repo.root().resolve("README.md"));
    String section = readme.substring(readme.indexOf("## When synth fails"));
    Matcher m = README_EXAMPLE.matcher(section);
    int examples = 0;
    while (m.find()) {
      examples++;
      assertThat(m.group(2)).as("README example bad/" + m.group(1)).isEqualTo(run(BadCase.named(m.group(1))).err());
    }
    assertThat(examples).as("examples in README.md, When synth fails").isGreaterThanOrEqualTo(3);
  }

  private SynthRun run(BadCase badCase) {
    Path repo = tmp.resolve(badCase.name());
    if (!Files.exists(repo)) {
      Repo.copyInputs(repo);
      badCase.applyTo(repo);
    }
    GoodOutput.copyInto(repo);
    return SynthRun.of(repo);
  }
}
