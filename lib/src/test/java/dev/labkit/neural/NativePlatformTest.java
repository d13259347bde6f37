package dev.labkit.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NativePlatformTest {
  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
      "Linux, amd64, linux-x86_64",
      "Linux, x86_64, linux-x86_64",
      "Linux, aarch64, linux-aarch64",
      "Mac OS X, aarch64, osx-aarch64",
      "Darwin, arm64, osx-aarch64",
      "Windows 11, amd64, win-x86_64",
      "Windows Server 2022, amd64, win-x86_64",
  })
  void aPlatformWithABuildGetsItsClassifier(String osName, String osArch, String classifier) {
    assertThat(NativePlatform.classifier(osName, osArch)).contains(classifier);
  }

  @ParameterizedTest(name = "{0} {1} → none")
  @CsvSource({
      "Mac OS X, x86_64", // DJL 0.36 builds no Intel macOS libtorch
      "Windows 11, aarch64",
      "Linux, ppc64le",
      "Linux, s390x",
      "Linux, x86",
      "FreeBSD, amd64",
      "SunOS, sparcv9",
  })
  void aPlatformWithoutOneGetsNone(String osName, String osArch) {
    assertThat(NativePlatform.classifier(osName, osArch)).isEmpty();
  }

  @Test
  void theLineForAPlatformWithNoneNamesThoseThatWork() {
    String line = NativePlatform.unsupported("Mac OS X", "x86_64");
    assertThat(line).doesNotContain("\n").contains("Mac OS X x86_64")
        .contains("linux-x86_64, linux-aarch64, osx-aarch64, win-x86_64");
  }

  @Test
  void thisMachineIsOneThatWorks() {
    NativePlatform.check(); // the tests run libtorch here, so it must pass
    assertThat(NativePlatform.classifier(System.getProperty("os.name"), System.getProperty("os.arch"))).isPresent();
  }

  @Test
  void checkStopsWithOneLineWhereThereIsNone() {
    String arch = System.getProperty("os.arch");
    try {
      System.setProperty("os.arch", "s390x");
      assertThatThrownBy(NativePlatform::check).isInstanceOf(UserError.class).hasMessageContaining("s390x");
    } finally {
      System.setProperty("os.arch", arch);
    }
  }

  /** The POM's profiles (what Maven and JBang resolve) and this class name the same platforms the same way. */
  @Test
  void thePomsProfilesPickTheSameJarAsTheMapping() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher profile = Pattern.compile("<profile>\\s*<id>([^<]+)</id>\\s*<activation><os>(.*?)</os></activation>(.*?)</profile>",
        Pattern.DOTALL).matcher(pom);
    List<String> ids = new ArrayList<>();
    while (profile.find()) {
      String id = profile.group(1);
      ids.add(id);
      assertThat(profile.group(3)).contains("<artifactId>pytorch-native-cpu</artifactId>").contains("<classifier>" + id + "</classifier>");
      String os = profile.group(2);
      String arch = value(os, "arch");
      String name = value(os, "name") != null ? value(os, "name") : value(os, "family").equals("mac") ? "Mac OS X" : "Windows 11";
      assertThat(NativePlatform.classifier(name, arch)).as(id).contains(id);
    }
    assertThat(ids).containsExactlyElementsOf(NativePlatform.SUPPORTED);
  }

  private static String value(String os, String tag) {
    Matcher m = Pattern.compile("<" + tag + ">([^<]+)</" + tag + ">").matcher(os);
    return m.find() ? m.group(1) : null;
  }
}
