package com.acme.platform.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
  @Test
  void between_countsInsertionsDeletionsAndSubstitutions() {
    assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    assertThat(EditDistance.between("", "abc")).isEqualTo(3);
    assertThat(EditDistance.between("abc", "")).isEqualTo(3);
    assertThat(EditDistance.between("lb-acess-logs", "lb-access-logs")).isEqualTo(1);
    assertThat(EditDistance.between("same", "same")).isZero();
  }
}
