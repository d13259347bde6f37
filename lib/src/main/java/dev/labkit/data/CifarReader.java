package dev.labkit.data;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Finds and reads the binary version of CIFAR-10: five training batches and one test batch, each a run of
 * 3,073-byte records (1 label byte, then 1,024 red, 1,024 green and 1,024 blue bytes of a 32×32 image,
 * rows top to bottom). A place holds either the batch files themselves (also inside
 * {@code cifar-10-batches-bin/}, as the archive unpacks) or the archive {@code cifar-10-binary.tar.gz},
 * which is read without unpacking it to disk.
 */
final class CifarReader {
  static final String ARCHIVE = "cifar-10-binary.tar.gz";
  /** The archive's MD5 as published on https://www.cs.toronto.edu/~kriz/cifar.html. */
  static final String ARCHIVE_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
  static final String FOLDER = "cifar-10-batches-bin";
  static final List<String> TRAIN = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
      "data_batch_4.bin", "data_batch_5.bin");
  static final List<String> TEST = List.of("test_batch.bin");
  static final int PIXELS = 32 * 32 * 3;
  static final int RECORD = 1 + PIXELS;

  private CifarReader() {}

  /** The bytes of every batch file, by name, from the first place that has them (or a download). */
  static Map<String, byte[]> batches(Path explicit, Locations locations, String mirror, String md5,
      Consumer<String> progress) {
    List<Path> places = new ArrayList<>();
    if (explicit != null) {
      places.add(explicit.toAbsolutePath());
    } else {
      if (locations.labkitData() != null) {
        places.add(locations.labkitData().resolve("cifar10"));
        places.add(locations.labkitData());
      }
      places.add(locations.homeData().resolve("cifar10"));
      places.add(locations.cache().resolve("cifar10"));
    }
    for (Path place : places) {
      for (Path dir : List.of(place, place.resolve(FOLDER))) {
        if (Files.isRegularFile(dir.resolve(TRAIN.getFirst()))) {
          progress.accept("cifar10: batch files from " + dir);
          return fromFolder(dir);
        }
      }
      if (Files.isRegularFile(place.resolve(ARCHIVE))) {
        progress.accept("cifar10: " + ARCHIVE + " from " + place);
        return fromArchive(place.resolve(ARCHIVE), md5, "replace it with a good copy or delete it");
      }
    }
    String download = null;
    if (explicit == null && !mirror.isEmpty()) {
      Path dir = locations.cache().resolve("cifar10");
      try {
        Path archive = Downloader.download(mirror, dir, ARCHIVE, (where, temp, fix) -> {
          String actual = md5(temp);
          if (!actual.equals(md5)) {
            throw new UserError(where + ": checksum mismatch: MD5 is " + actual + ", expected " + md5 + "; " + fix);
          }
        }, progress);
        return fromArchive(archive, md5, "delete it and labkit downloads it again");
      } catch (Downloader.Unavailable e) {
        download = e.getMessage();
      }
    }
    List<String> looked = places.stream().map(Path::toString).toList();
    throw new UserError("cifar10: neither the batch files nor " + ARCHIVE + " found in " + String.join(", ", looked)
        + (download == null ? "" : "; " + download) + "; to fix: download https://www.cs.toronto.edu/~kriz/"
        + ARCHIVE + " into " + locations.homeData().resolve("cifar10")
        + ", or --set data.path=<folder with the files>, or --set data.mirror=<base URL of a copy>");
  }

  private static Map<String, byte[]> fromFolder(Path dir) {
    Map<String, byte[]> batches = new LinkedHashMap<>();
    for (String name : concat()) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new UserError("cifar10: " + name + " is missing from " + dir + " (the other batches are there); "
            + "put all six batch files there");
      }
      batches.put(name, IdxReader.readBytes(file, "replace it with a good copy"));
    }
    return batches;
  }

  private static Map<String, byte[]> fromArchive(Path archive, String md5, String fix) {
    Map<String, byte[]> batches = new LinkedHashMap<>();
    MessageDigest digest = Digest.newDigest("MD5");
    try (InputStream raw = new DigestInputStream(Files.newInputStream(archive), digest);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        String name = Path.of(entry.getName()).getFileName().toString();
        if (entry.isFile() && concat().contains(name)) {
          batches.put(name, tar.readAllBytes());
        }
      }
      raw.transferTo(java.io.OutputStream.nullOutputStream()); // the digest covers the whole file
    } catch (IOException e) {
      throw new UserError(archive + ": not a readable tar.gz archive (" + Downloader.describe(e) + "); " + fix, e);
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(md5)) {
      throw new UserError(archive + ": checksum mismatch: MD5 is " + actual + ", expected " + md5 + "; " + fix);
    }
    for (String name : concat()) {
      if (!batches.containsKey(name)) {
        throw new UserError(archive + ": has no " + name + "; " + fix);
      }
    }
    return batches;
  }

  /**
   * One part from its batches, in order: labels, and pixels laid out HWC (for each pixel, row by row,
   * its red, green and blue values next to each other), scaled by {@code table[byte]}. {@code chosen}
   * selects records by their index across the batches (null: all).
   */
  static Dataset part(String id, List<String> names, Map<String, byte[]> batches, float[] table, int[] chosen,
      List<String> classNames) {
    MessageDigest sha256 = Digest.newDigest("SHA-256");
    int total = 0;
    for (String name : names) {
      byte[] bytes = batches.get(name);
      if (bytes.length % RECORD != 0 || bytes.length == 0) {
        throw new UserError("cifar10: " + name + " has " + IdxReader.grouped(bytes.length) + " bytes, not a whole "
            + "number of " + IdxReader.grouped(RECORD) + "-byte records (1 label + 3,072 pixels); replace it with a "
            + "good copy");
      }
      sha256.update(bytes);
      total += bytes.length / RECORD;
    }
    byte[] all = new byte[total * RECORD];
    int at = 0;
    for (String name : names) {
      byte[] bytes = batches.get(name);
      for (int r = 0; r < bytes.length / RECORD; r++) {
        int label = bytes[r * RECORD] & 0xff;
        if (label >= classNames.size()) {
          throw new UserError("cifar10: " + name + ": label " + label + " of record " + r + " is not a class (0..9);"
              + " replace it with a good copy");
        }
      }
      System.arraycopy(bytes, 0, all, at, bytes.length);
      at += bytes.length;
    }
    int count = chosen == null ? total : chosen.length;
    float[] features = new float[count * PIXELS];
    int[] labels = new int[count];
    java.util.stream.IntStream.range(0, count).parallel().forEach(k -> {
      int record = (chosen == null ? k : chosen[k]) * RECORD;
      labels[k] = all[record] & 0xff;
      int out = k * PIXELS;
      for (int p = 0; p < 1024; p++) { // planes R, G, B to interleaved RGB
        features[out + 3 * p] = table[all[record + 1 + p] & 0xff];
        features[out + 3 * p + 1] = table[all[record + 1 + 1024 + p] & 0xff];
        features[out + 3 * p + 2] = table[all[record + 1 + 2048 + p] & 0xff];
      }
    });
    return new Dataset(id, HexFormat.of().formatHex(sha256.digest()), new Shape(32, 32, 3), classNames, features,
        labels);
  }

  /** The labels of the records of {@code names}, in order, for choosing a stratified subset. */
  static int[] labels(List<String> names, Map<String, byte[]> batches) {
    int total = names.stream().mapToInt(n -> batches.get(n).length / RECORD).sum();
    int[] labels = new int[total];
    int k = 0;
    for (String name : names) {
      byte[] bytes = batches.get(name);
      for (int r = 0; r < bytes.length / RECORD; r++) {
        labels[k++] = Math.min(bytes[r * RECORD] & 0xff, 9); // bad labels are reported by part()
      }
    }
    return labels;
  }

  private static List<String> concat() {
    List<String> all = new ArrayList<>(TRAIN);
    all.addAll(TEST);
    return all;
  }

  private static String md5(Path file) throws IOException {
    MessageDigest digest = Digest.newDigest("MD5");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
