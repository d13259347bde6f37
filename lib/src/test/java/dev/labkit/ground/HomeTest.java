package dev.labkit.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HomeTest {
  @Test
  void theUserCacheIsTheOnesOwnOsKeepsCachesIn() {
    Map<String, String> none = Map.of();
    assertThat(Home.userCache("Linux", "/home/ada", none::get)).isEqualTo(Path.of("/home/ada/.cache/labkit"));
    assertThat(Home.userCache("Linux", "/home/ada", Map.of("XDG_CACHE_HOME", "/var/cache/ada")::get))
        .isEqualTo(Path.of("/var/cache/ada/labkit"));
    assertThat(Home.userCache("Linux", "/home/ada", Map.of("XDG_CACHE_HOME", "relative")::get))
        .isEqualTo(Path.of("/home/ada/.cache/labkit"));
    assertThat(Home.userCache("Mac OS X", "/Users/ada", none::get)).isEqualTo(Path.of("/Users/ada/Library/Caches/labkit"));
    assertThat(Home.userCache("Windows 11", "C:/Users/ada", Map.of("LOCALAPPDATA", "C:/Users/ada/AppData/Local")::get))
        .isEqualTo(Path.of("C:/Users/ada/AppData/Local", "labkit", "cache"));
  }

  @Test
  void withoutACheckoutFilesGoToTheWorkingDirectory() {
    String before = System.getProperty("labkit.home");
    System.clearProperty("labkit.home");
    try {
      if (System.getenv("LABKIT_HOME") == null) {
        assertThat(Home.checkout()).isFalse();
        assertThat(Home.runs()).isEqualTo(Path.of("").toAbsolutePath().resolve("data/runs"));
        assertThat(Home.site()).isEqualTo(Path.of("").toAbsolutePath().resolve("site"));
      }
      System.setProperty("labkit.home", "/tmp/checkout");
      assertThat(Home.checkout()).isTrue();
      assertThat(Home.runs()).isEqualTo(Path.of("/tmp/checkout/data/runs"));
    } finally {
      if (before == null) {
        System.clearProperty("labkit.home");
      } else {
        System.setProperty("labkit.home", before);
      }
    }
  }
}
