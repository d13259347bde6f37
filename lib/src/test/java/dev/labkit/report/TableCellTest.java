package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableCellTest {
  @Test
  void a_run_id_cell_links_to_that_runs_page_beside_this_one() {
    assertThat(new RunPage.Cell("20261126-222259-3ea0", false).runHref()).isEqualTo("../20261126-222259-3ea0/index.html");
  }

  @Test
  void any_other_text_gets_no_link() {
    assertThat(new RunPage.Cell("../../etc/passwd", false).runHref()).isNull();
    assertThat(new RunPage.Cell("20261126-222259-3ea0/../../x", false).runHref()).isNull();
    assertThat(new RunPage.Cell("0.8123", true).runHref()).isNull();
  }
}
