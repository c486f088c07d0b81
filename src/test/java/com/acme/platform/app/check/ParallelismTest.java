package com.acme.platform.app.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParallelismTest {
  private static final long GIB = 1024L * 1024 * 1024;

  @Test
  void of_plentyOfMemory_boundedByProcessors() {
    assertThat(Parallelism.of(3, 2, 24 * GIB)).isEqualTo(2);
  }

  @Test
  void of_littleMemory_boundedByMemory() {
    assertThat(Parallelism.of(8, 16, 2 * GIB)).isEqualTo(2);
  }

  @Test
  void of_fewStacks_noIdleWorkers() {
    assertThat(Parallelism.of(1, 16, 64 * GIB)).isEqualTo(1);
  }

  @Test
  void of_noMemoryToSpare_stillOneAtATime() {
    assertThat(Parallelism.of(3, 4, 100L * 1024 * 1024)).isEqualTo(1);
  }
}
