package dev.labkit.ground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabkitVersionTest {
  @Test
  void comparesTheNumbersOfXyz() {
    assertThat(LabkitVersion.atLeast("0.2.0", "0.1.0")).isTrue();
    assertThat(LabkitVersion.atLeast("0.1.0", "0.1.0")).isTrue();
    assertThat(LabkitVersion.atLeast("0.10.0", "0.9.3")).isTrue();
    assertThat(LabkitVersion.atLeast("0.1.0", "0.2.0")).isFalse();
    assertThat(LabkitVersion.atLeast("1.0", "0.9.9")).isTrue();
  }

  @Test
  void aCheckoutsSnapshotCountsAsItsRelease() {
    assertThat(LabkitVersion.atLeast("0.1.0-SNAPSHOT", "0.1.0")).isTrue();
    assertThat(LabkitVersion.atLeast("0.1.0-SNAPSHOT", "0.1.1")).isFalse();
  }

  @Test
  void anUnknownVersionIsNeverEnough() {
    assertThat(LabkitVersion.atLeast("unknown", "0.1.0")).isFalse();
  }

  @Test
  void theBuildFillsInTheVersion() {
    assertThat(LabkitVersion.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void aMismatchIsOneLineNamingWantedAndFound() {
    assertThatThrownBy(() -> LabkitVersion.require("999.0.0")).isInstanceOf(UserError.class)
        .hasMessageContaining("needs labkit 999.0.0 or newer").hasMessageContaining(LabkitVersion.current())
        .hasMessageContaining("-Dlabkit.version=999.0.0").hasMessageNotContaining("\n");
    LabkitVersion.require("0.0.1");
  }
}
