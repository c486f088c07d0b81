package com.acme.platform.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessRunTest {
  @Test
  void run_finishes_exitCodeAndOutput() throws IOException {
    ProcessRun.Result result = ProcessRun.run(new ProcessBuilder("sh", "-c", "echo out; echo err >&2; exit 3"), 30);

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.ok()).isFalse();
    assertThat(result.output()).contains("out").contains("err");
  }

  @Test
  void run_timeout_killsTheWholeTree() throws IOException {
    // The child writes its pid, then both outlive the timeout unless the tree is killed.
    ProcessRun.Result result = ProcessRun.run(new ProcessBuilder("sh", "-c", "sleep 60 & echo child=$!; wait"), 1);

    assertThat(result.exitCode()).isEqualTo(-1);
    assertThat(result.output()).contains("(killed after 1 s)");
    long child = Long.parseLong(result.output().lines().filter(l -> l.startsWith("child=")).findFirst()
        .orElseThrow().substring("child=".length()).trim());
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).as("child %d alive", child)
        .isFalse();
  }

  @Test
  void run_missingProgram_throws() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProcessRun.run(
        new ProcessBuilder(List.of("/nonexistent/program")), 5)).isInstanceOf(IOException.class);
  }
}
