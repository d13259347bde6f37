package dev.labkit.ground;

import static dev.labkit.ground.ParamType.BOOLEAN;
import static dev.labkit.ground.ParamType.INT;
import static dev.labkit.ground.ParamType.NUMBER;
import static dev.labkit.ground.ParamType.PATH;
import static dev.labkit.ground.ParamType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamTableTest {

  enum Penalty { L2, ELASTIC_NET }

  /** A spec of the shape every labkit spec has: a record, withers named after its knobs, one table. */
  record Toy(double c, int n, Penalty penalty, List<Integer> widths, boolean on) {
    static final Declare<Toy> P = Declare.of(Toy.class);
    static final ParamTable<Toy> PARAMS = ParamTable.of(
        P.number("c", Toy::c, Toy::c, "inverse strength").check(v -> v > 0, "> 0", "try 1").fingerprint(1),
        P.integer("n", Toy::n, Toy::n, "how many").check(v -> v >= 1, "≥ 1"),
        P.choice("penalty", Penalty.class, Toy::penalty, Toy::penalty, "which penalty"),
        P.widths("widths", ParamType.widths("x", false), Toy::widths, Toy::widths, "layer widths").fingerprint(0),
        P.bool("on", Toy::on, Toy::on, "switched on").shownWhen(toy -> toy.n() > 1));

    Toy {
      PARAMS.validate(c, n, penalty, widths, on);
    }

    Toy c(double v) {
      return new Toy(v, n, penalty, widths, on);
    }

    Toy n(int v) {
      return new Toy(c, v, penalty, widths, on);
    }

    Toy penalty(Penalty v) {
      return new Toy(c, n, v, widths, on);
    }

    Toy widths(List<Integer> v) {
      return new Toy(c, n, penalty, v, on);
    }

    Toy on(boolean v) {
      return new Toy(c, n, penalty, widths, v);
    }
  }

  private final Toy toy = new Toy(1, 2, Penalty.ELASTIC_NET, List.of(256, 512), true);

  @Test
  void params_are_the_declared_keys_in_order_with_values_as_runs_record_them() {
    assertThat(Toy.PARAMS.params(toy)).containsExactly(Map.entry("c", 1.0), Map.entry("n", 2),
        Map.entry("penalty", "elastic-net"), Map.entry("widths", "256x512"), Map.entry("on", true));
    assertThat(Toy.PARAMS.params(toy.n(1))).doesNotContainKey("on");
  }

  @Test
  void with_parses_each_type_from_its_text() {
    assertThat(Toy.PARAMS.with(toy, "c", " 1e-3 ").c()).isEqualTo(0.001);
    assertThat(Toy.PARAMS.with(toy, "n", "10_000").n()).isEqualTo(10_000);
    assertThat(Toy.PARAMS.with(toy, "penalty", "L2").penalty()).isEqualTo(Penalty.L2);
    assertThat(Toy.PARAMS.with(toy, "widths", "128,64 32").widths()).containsExactly(128, 64, 32);
    assertThat(Toy.PARAMS.with(toy, "on", "off").on()).isFalse();
    assertThat(Toy.PARAMS.with(toy.n(1), "on", "yes").on()).as("a hidden key can still be set").isTrue();
  }

  @Test
  void the_types_parse_and_show_as_params_carry_them() {
    assertThat(BOOLEAN.parse("b", "1")).isTrue();
    assertThat(TEXT.parse("t", "  mlp ")).isEqualTo("mlp");
    assertThat(PATH.parse("path", " ")).isNull();
    assertThat(PATH.show(null)).isEqualTo("");
    assertThat(PATH.parse("path", "data/x ")).isEqualTo(Path.of("data/x"));
    ParamType<List<Integer>> hidden = ParamType.widths(",", true);
    assertThat(hidden.parse("hidden", "none")).isEmpty();
    assertThat(hidden.show(List.of(256, 128))).isEqualTo("256,128");
    assertThat(ParamType.oneOf(Penalty.class).name()).isEqualTo("l2 / elastic-net");
  }

  @Test
  void bad_text_is_one_line_naming_the_key_and_what_it_takes() {
    assertThatThrownBy(() -> Toy.PARAMS.with(toy, "c", "abc")).isInstanceOf(UserError.class)
        .hasMessage("c must be a number, got 'abc'");
    assertThatThrownBy(() -> INT.parse("n", "2.5")).hasMessage("n must be a whole number, got '2.5'");
    assertThatThrownBy(() -> NUMBER.parse("lr", "")).hasMessage("lr must be a number, got ''");
    assertThatThrownBy(() -> Toy.PARAMS.with(toy, "penalty", "l3"))
        .hasMessage("penalty must be one of l2, elastic-net, got 'l3'");
    assertThatThrownBy(() -> Toy.PARAMS.with(toy, "on", "maybe")).hasMessage("on must be true or false, got 'maybe'");
  }

  @Test
  void checks_run_in_the_constructor_with_the_declared_text() {
    assertThatThrownBy(() -> toy.c(-1)).isInstanceOf(UserError.class).hasMessage("c must be > 0, got -1 (try 1)");
    assertThatThrownBy(() -> toy.c(0.0001).n(0)).hasMessage("n must be ≥ 1, got 0");
    assertThatThrownBy(() -> toy.penalty(null)).hasMessage("penalty must be one of l2, elastic-net, got nothing");
    assertThatThrownBy(() -> Toy.PARAMS.with(toy, "c", "-0.5")).hasMessage("c must be > 0, got -0.5 (try 1)");
  }

  @Test
  void validate_wants_one_value_per_param() {
    assertThatThrownBy(() -> Toy.PARAMS.validate(1.0, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("validate got 2 values for 5 params");
  }

  @Test
  void an_unknown_key_names_the_nearest_valid_key_when_one_is_close() {
    assertThatThrownBy(() -> Toy.PARAMS.with(toy, "cc", "1")).isInstanceOf(UserError.class)
        .hasMessage("unknown parameter 'cc'; did you mean c? valid keys: c, n, penalty, widths, on");
    assertThatThrownBy(() -> Toy.PARAMS.with(toy, "Penalti", "l2"))
        .hasMessageStartingWith("unknown parameter 'Penalti'; did you mean penalty?");
    assertThatThrownBy(() -> Toy.PARAMS.with(toy, "kernel", "rbf"))
        .hasMessage("unknown parameter 'kernel'; valid keys: c, n, penalty, widths, on");
    assertThat(ParamTable.unknownKey("model.cc", List.of("seed", "model.c", "model.max_iter")))
        .hasMessage("unknown parameter 'model.cc'; did you mean model.c? valid keys: seed, model.c, model.max_iter");
  }

  @Test
  void the_nearest_key_is_the_one_fewest_edits_away_and_only_when_close() {
    assertThat(Nearest.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Nearest.distance("", "abc")).isEqualTo(3);
    assertThat(Nearest.to("max_iters", List.of("tol", "max_iter"))).isEqualTo("max_iter");
    assertThat(Nearest.to("momentum_x", List.of("lr", "momentum"))).isEqualTo("momentum");
    assertThat(Nearest.to("model.lr", List.of("model.c", "model.tol"))).isNull();
    assertThat(Nearest.to("x", List.of())).isNull();
  }

  @Test
  void the_fingerprint_lists_the_marked_params_in_their_declared_places() {
    assertThat(Toy.PARAMS.fingerprint(toy)).isEqualTo("widths=256x512 c=1.0");
  }

  @Test
  void the_docs_table_has_a_row_per_key_with_type_default_check_and_doc() {
    assertThat(ParamDocs.markdown("model.", Toy.PARAMS, toy.c(2e-4)).split("\n")).containsExactly(
        "| key | type | default | check | what it does |",
        "|---|---|---|---|---|",
        "| `model.c` | number | 2e-4 | > 0 | inverse strength |",
        "| `model.n` | int | 2 | ≥ 1 | how many |",
        "| `model.penalty` | l2 / elastic-net | `elastic-net` |  | which penalty |",
        "| `model.widths` | widths | `256x512` |  | layer widths |",
        "| `model.on` | boolean | true |  | switched on |");
  }
}
