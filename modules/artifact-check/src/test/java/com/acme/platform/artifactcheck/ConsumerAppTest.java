package com.acme.platform.artifactcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.terraform.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/consumer-app}, another team's project that knows our artifacts by coordinates only, builds and
 * passes its own tests (its stack's resources, a golden file, an offline {@code terraform plan}) against the
 * artifacts this build packaged, published into the private repository like for {@link ConsumerResolutionTest}.
 * The project is copied first, so that its build never writes into the repository's working tree.
 */
class ConsumerAppTest {
  private static final Pattern SUMMARY = Pattern.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+)"
      + ", Skipped: (\\d+)\\s*$", Pattern.MULTILINE);

  @TempDir
  Path tmp;

  @Test
  void consumerApp_buildsAndPassesItsTests_againstThePublishedArtifacts() throws Exception {
    PrivateRepository.publish();
    Path project = tmp.resolve("consumer-app");
    FileTrees.copyTree(PrivateRepository.ROOT.resolve("examples/consumer-app"), project);
    FileTrees.deleteTree(project.resolve("target"));
    Path log = tmp.resolve("mvn.log");

    int exit = PrivateRepository.mvn(project, log, 900, "verify");

    String output = Files.readString(log);
    assertThat(exit).as("mvn verify of examples/consumer-app; its output:%n%s", output).isZero();
    Matcher summary = lastSummary(output);
    assertThat(Integer.parseInt(summary.group(1))).as("tests the consumer ran").isGreaterThanOrEqualTo(7);
    assertThat(summary.group(4)).as("skipped consumer tests").isEqualTo("0");
    System.out.println("examples/consumer-app: " + summary.group());
  }

  private static Matcher lastSummary(String output) throws IOException {
    Matcher m = SUMMARY.matcher(output);
    Matcher last = null;
    while (m.find()) {
      last = SUMMARY.matcher(output);
      last.find(m.start());
    }
    assertThat(last).as("a surefire summary in the consumer's output:%n%s", output).isNotNull();
    return last;
  }
}
