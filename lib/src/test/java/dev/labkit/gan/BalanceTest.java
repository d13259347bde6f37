package dev.labkit.gan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.ground.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceTest {
  @Test
  void a_long_stretch_of_d_near_1_and_0_is_d_dominating_with_its_steps_and_g_loss_climbing() {
    List<Balance.Point> points = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      boolean dWins = i > 40 && i <= 80;
      points.add(new Balance.Point(10L * i, dWins ? 0.95 : 0.6, dWins ? 0.05 : 0.4, dWins ? i / 10.0 : 0.8));
    }
    List<Balance.Stretch> stretches = Balance.stretches(points);
    assertThat(stretches).singleElement().satisfies(s -> {
      assertThat(s.side()).isEqualTo("D");
      assertThat(s.from()).isEqualTo(420); // D(x), D(G(z)) averaged over 2 logged steps
      assertThat(s.to()).isEqualTo(800);
      assertThat(s.gLossTo()).isGreaterThan(s.gLossFrom());
    });
    Event.Table table = Balance.table(points);
    assertThat(table.title()).isEqualTo("D against G: D dominated over steps 420–800");
    assertThat(table.content().toString()).contains("(climbing)");
  }

  @Test
  void g_fooling_d_for_long_is_g_dominating_and_short_swings_are_balanced() {
    List<Balance.Point> points = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      points.add(new Balance.Point(i, i > 30 ? 0.4 : 0.6, i > 30 ? 0.5 : i % 7 == 0 ? 0.7 : 0.3, 1));
    }
    assertThat(Balance.stretches(points)).extracting(Balance.Stretch::side).containsExactly("G");
    assertThat(Balance.verdict(Balance.stretches(points.subList(0, 30)))).startsWith("balanced");
  }
}
