package dev.labkit.data;

import static dev.labkit.data.Fixtures.gzip;
import static dev.labkit.data.Fixtures.idx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static byte[] pixels(int n) {
    byte[] data = new byte[n];
    for (int i = 0; i < n; i++) {
      data[i] = (byte) (i * 31);
    }
    return data;
  }

  @Test
  void raw_file_round_trips_dimensions_bytes_and_content_digest() throws IOException {
    byte[] content = idx(new int[] {3, 4, 5}, pixels(60));
    IdxFile file = IdxReader.read(write("images-idx3-ubyte", content));
    assertThat(file.dims()).containsExactly(3, 4, 5);
    assertThat(file.count()).isEqualTo(3);
    assertThat(file.itemSize()).isEqualTo(20);
    assertThat(file.data()).isEqualTo(pixels(60));
    assertThat(file.sha256()).isEqualTo(Fixtures.sha256(content));
  }

  @Test
  void gzip_file_gives_the_same_content_and_the_digest_of_the_uncompressed_bytes() throws IOException {
    byte[] content = idx(new int[] {3, 4, 5}, pixels(60));
    IdxFile file = IdxReader.read(write("images-idx3-ubyte.gz", gzip(content)));
    assertThat(file.data()).isEqualTo(pixels(60));
    assertThat(file.sha256()).isEqualTo(Fixtures.sha256(content));
  }

  @Test
  void compression_is_recognised_by_magic_bytes_not_by_name() throws IOException {
    byte[] content = idx(new int[] {2}, new byte[] {7, 9});
    assertThat(IdxReader.read(write("labels.gz", content)).data()).containsExactly(7, 9);
    assertThat(IdxReader.read(write("labels.idx", gzip(content))).data()).containsExactly(7, 9);
  }

  @Test
  void truncated_raw_file_says_how_many_bytes_the_header_promised_and_the_file_has() throws IOException {
    byte[] full = idx(new int[] {60000, 28, 28}, new byte[1024]);
    Path file = write("train-images-idx3-ubyte", full);
    assertThatThrownBy(() -> IdxReader.read(file, 3, IdxReader.DEFAULT_FIX))
        .isInstanceOf(UserError.class)
        .hasMessage(file + ": truncated: header says 60000×28×28 = 47,040,000 bytes, file has 1,024; "
            + "delete it and download it again");
  }

  @Test
  void longer_file_than_its_header_says_is_a_size_mismatch() throws IOException {
    Path file = write("labels", idx(new int[] {2}, new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> IdxReader.read(file))
        .hasMessage(file + ": size mismatch: header says 2 = 2 bytes, file has 3; delete it and download it again");
  }

  @Test
  void bad_magic_number_shows_the_first_bytes_and_what_was_expected() throws IOException {
    Path file = write("train-images-idx3-ubyte.gz", "<html>not found</html>".getBytes());
    assertThatThrownBy(() -> IdxReader.read(file, 3, IdxReader.DEFAULT_FIX))
        .hasMessage(file + ": not an IDX file: starts with 3c 68 74 6d, expected 00 00 08 03; "
            + "delete it and download it again");
  }

  @Test
  void element_type_other_than_unsigned_byte_is_named() throws IOException {
    byte[] floats = idx(new int[] {1}, new byte[4]);
    floats[2] = 0x0D;
    Path file = write("weights-idx1", floats);
    assertThatThrownBy(() -> IdxReader.read(file))
        .hasMessage(file + ": element type 0x0D is not supported; labkit reads unsigned bytes (0x08); "
            + "delete it and download it again");
  }

  @Test
  void labels_file_where_images_are_expected_names_the_dimension_count() throws IOException {
    Path file = write("train-images-idx3-ubyte", idx(new int[] {2}, new byte[2]));
    assertThatThrownBy(() -> IdxReader.read(file, 3, "fix it"))
        .hasMessage(file + ": header has 1 dimension, expected 3; fix it");
  }

  @Test
  void header_cut_short_is_truncated() throws IOException {
    Path file = write("t", new byte[] {0, 0, 8, 3, 0, 0});
    assertThatThrownBy(() -> IdxReader.read(file))
        .hasMessage(file + ": truncated: the header ends before 3 dimension sizes; delete it and download it again");
  }

  @Test
  void truncated_gzip_is_reported_as_such_with_the_bytes_it_gave() throws IOException {
    byte[] gz = gzip(idx(new int[] {100, 10, 10}, pixels(10_000)));
    Path file = write("train-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> IdxReader.read(file))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(file + ": truncated gzip stream (Unexpected end of ZLIB input stream) after ")
        .hasMessageEndingWith(" uncompressed bytes; delete it and download it again")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void corrupt_gzip_is_reported_as_such() throws IOException {
    byte[] gz = gzip(idx(new int[] {100, 10, 10}, pixels(10_000)));
    for (int i = 20; i < 40; i++) {
      gz[i] ^= 0x5a;
    }
    Path file = write("x.gz", gz);
    assertThatThrownBy(() -> IdxReader.read(file)).hasMessageContaining(file + ": corrupt gzip stream (");
  }

  @Test
  void missing_file_is_a_one_line_error() {
    Path file = dir.resolve("nothing-here");
    assertThatThrownBy(() -> IdxReader.read(file)).hasMessage(file + ": no such file");
  }
}
