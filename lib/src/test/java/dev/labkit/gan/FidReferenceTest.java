package dev.labkit.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.ground.Json;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * FID against scipy.linalg.sqrtm on feature sets whose covariances do not commute (stored by
 * tools/reference/fid_reference.py; the test needs no Python). With commuting covariances
 * Tr(√Σ₁·√Σ₂) equals Tr(√(Σ₁Σ₂)); here the two differ by 2 to 10 %, so that classic bug fails this test.
 */
class FidReferenceTest {
  static JsonNode reference(String name) throws Exception {
    try (InputStream in = FidReferenceTest.class.getResourceAsStream("/reference/" + name)) {
      return Json.MAPPER.readTree(in);
    }
  }

  static float[] floats(JsonNode values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) values.get(i).asDouble();
    }
    return out;
  }

  @Test
  void fid_matches_scipy_sqrtm_on_non_commuting_covariances() throws Exception {
    JsonNode cases = reference("fid.json").get("cases");
    assertThat(cases.size()).isEqualTo(3);
    for (JsonNode c : cases) {
      int d = c.get("d").asInt();
      double expected = c.get("fid").asDouble();
      assertThat(c.get("commutator_norm").asDouble()).as("the covariances do not commute").isGreaterThan(1);
      assertThat(Math.abs(c.get("wrong_fid").asDouble() - expected)).as("the classic bug gives another number")
          .isGreaterThan(0.02 * expected);
      assertThat(Fid.between(floats(c.get("a")), floats(c.get("b")), d)).as("d=" + d)
          .isCloseTo(expected, within(1e-6 * expected));
    }
  }
}
