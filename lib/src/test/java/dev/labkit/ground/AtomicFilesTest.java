package dev.labkit.ground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract of the one crash-safe writer: whole content, no temporary file left, never half a file. */
class AtomicFilesTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void a_write_leaves_the_whole_content_and_no_temporary_file() throws IOException {
    Path target = dir.resolve("sub/run.json");
    AtomicFiles.write(target, "{\"a\": 1}".getBytes());
    AtomicFiles.write(target, "{\"a\": 2}".getBytes());
    assertThat(Files.readString(target)).isEqualTo("{\"a\": 2}");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.json");
    }
  }

  @Test
  void a_writer_that_fails_halfway_keeps_the_old_file_and_leaves_no_temporary_file() throws IOException {
    Path target = dir.resolve("checkpoint.bin");
    AtomicFiles.write(target, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      out.write(new byte[100_000]);
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    assertThat(names()).containsExactly("checkpoint.bin");
  }

  @Test
  void writers_racing_on_one_file_leave_one_of_their_contents_whole() throws Exception {
    Path target = dir.resolve("artifacts.json");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte fill = (byte) i;
      writes.add(pool.submit(() -> {
        byte[] bytes = new byte[50_000];
        Arrays.fill(bytes, fill);
        AtomicFiles.write(target, bytes);
        byte[] read = Files.readAllBytes(target); // whatever a reader sees is one write, whole
        assertThat(read).hasSize(50_000);
        assertThat(read).containsOnly(read[0]);
        return null;
      }));
    }
    for (Future<?> write : writes) {
      write.get();
    }
    pool.shutdown();
    assertThat(names()).containsExactly("artifacts.json");
  }

  @Test
  void a_copy_is_whole_and_leftovers_of_a_killed_writer_can_be_removed() throws IOException {
    Path from = Files.write(dir.resolve("a.png"), new byte[] {9, 8, 7});
    AtomicFiles.copy(from, dir.resolve("page/a.png"));
    assertThat(Files.readAllBytes(dir.resolve("page/a.png"))).containsExactly(9, 8, 7);
    Files.write(dir.resolve(".a.png.123.tmp"), new byte[] {1});
    assertThat(AtomicFiles.isTemporary(dir.resolve(".a.png.123.tmp"))).isTrue();
    assertThat(AtomicFiles.isTemporary(from)).isFalse();
    AtomicFiles.deleteLeftovers(from);
    assertThat(names()).containsExactly("a.png", "page");
  }
}
