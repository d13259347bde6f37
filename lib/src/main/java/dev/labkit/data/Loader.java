package dev.labkit.data;

import dev.labkit.ground.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Finds, downloads if needed, reads and verifies the four files of a {@link DatasetDefinition}. Files are
 * found one by one (each may come from a different place, and downloads report progress in order); the
 * training and test parts are then read and verified on two threads.
 */
final class Loader {
  private Loader() {}

  /**
   * One part as read. Its {@code sha256} covers the uncompressed images file followed by the uncompressed
   * labels file: {@code (zcat train-images-idx3-ubyte.gz; zcat train-labels-idx1-ubyte.gz) | sha256sum}.
   */
  record Part(String id, IdxFile images, IdxFile labels, String sha256) {
    Shape shape() {
      return new Shape(images.dims()[1], images.dims()[2], 1);
    }
  }

  /** The training and test parts of {@code definition}, verified. */
  static List<Part> load(DatasetDefinition definition, Path explicit, Locations locations, Consumer<String> progress) {
    List<Locations.Place> places = locations.search(definition, explicit);
    Finder finder = new Finder(definition, places, locations, progress,
        explicit == null ? null : explicit.toAbsolutePath());
    Found trainImages = finder.find(definition.trainImages(), 3);
    Found trainLabels = finder.find(definition.trainLabels(), 1);
    Found testImages = finder.find(definition.testImages(), 3);
    Found testLabels = finder.find(definition.testLabels(), 1);
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      Future<Part> train = pool.submit(() -> part(definition.name() + "/train", trainImages, trainLabels, definition));
      Future<Part> test = pool.submit(() -> part(definition.name() + "/test", testImages, testLabels, definition));
      List<Part> parts = List.of(get(train), get(test));
      for (Part part : parts) {
        progress.accept(part.id() + ": " + IdxReader.grouped(part.images().count()) + " examples of "
            + part.shape() + ", verified (sha256 " + part.sha256().substring(0, 12) + "…)");
      }
      return parts;
    }
  }

  private static Part part(String id, Found imagesAt, Found labelsAt, DatasetDefinition definition) {
    String digest = UnpackedCopy.verifiedDigest(imagesAt.copy(), labelsAt.copy());
    if (digest != null) { // both copies as they were when verified: no inflating, no hashing
      try {
        return checked(id, imagesAt, labelsAt, imagesAt.readVerifiedCopy(3), labelsAt.readVerifiedCopy(1), digest,
            definition);
      } catch (UserError e) {
        UnpackedCopy.discard(imagesAt.copy());
        UnpackedCopy.discard(labelsAt.copy());
      }
    }
    Part part;
    try {
      part = part(id, imagesAt, labelsAt, definition, true);
    } catch (UnpackedCopy.Damaged e) { // deleted: this time from the originals, which makes the copy again
      part = part(id, imagesAt, labelsAt, definition, false);
    }
    UnpackedCopy.stamp(imagesAt.copy(), labelsAt.copy(), part.sha256());
    return part;
  }

  private static Part part(String id, Found imagesAt, Found labelsAt, DatasetDefinition definition,
      boolean copies) {
    MessageDigest combined = Digest.newDigest("SHA-256");
    IdxFile images = imagesAt.read(3, combined, copies);
    IdxFile labels = labelsAt.read(1, Digest.newDigest("SHA-256"), copies);
    combined.update(labels.header()); // labels are small: hashing them twice costs nothing
    combined.update(labels.data());
    return checked(id, imagesAt, labelsAt, images, labels, HexFormat.of().formatHex(combined.digest()), definition);
  }

  /** The part, once its images and labels agree in number and every label is a class. */
  private static Part checked(String id, Found imagesAt, Found labelsAt, IdxFile images, IdxFile labels,
      String sha256, DatasetDefinition definition) {
    if (images.count() != labels.count()) {
      throw new UserError(id + ": " + imagesAt.path() + " has " + IdxReader.grouped(images.count()) + " images but "
          + labelsAt.path() + " has " + IdxReader.grouped(labels.count()) + " labels; " + imagesAt.place().fix());
    }
    byte[] data = labels.data();
    int classes = definition.classNames().size();
    for (int i = 0; i < data.length; i++) {
      if ((data[i] & 0xff) >= classes) {
        throw new UserError(labelsAt.path() + ": label " + (data[i] & 0xff) + " of example " + i
            + " is not a class (0.." + (classes - 1) + "); " + labelsAt.place().fix());
      }
    }
    return new Part(id, images, labels, sha256);
  }

  private static Part get(Future<Part> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while loading data", e);
    }
  }

  /** A file found in a place; {@code copy} is where its unpacked copy is kept (null: none is). */
  record Found(Path path, Locations.Place place, DataFile file, Path copy) {
    /** Reads and verifies the file, from its unpacked copy when {@code copies} and there is one. */
    IdxFile read(int dims, MessageDigest sha256, boolean copies) {
      if (copies && copy != null && Files.isRegularFile(copy)) {
        try {
          return Checks.verified(copy.toString(), IdxReader.readBytes(copy, place.fix()), file, dims, false,
              place.fix(), sha256);
        } catch (UserError e) {
          throw UnpackedCopy.discard(copy);
        }
      }
      byte[] bytes = IdxReader.readBytes(path, place.fix());
      IdxFile verified = Checks.verified(path.toString(), bytes, file, dims, false, place.fix(), sha256);
      if (copy != null && IdxReader.isGzip(bytes)) {
        UnpackedCopy.keep(copy, verified);
      }
      return verified;
    }

    /** Reads the copy a stamp vouches for, without hashing it (see {@link UnpackedCopy}). */
    IdxFile readVerifiedCopy(int dims) {
      return IdxReader.parseVerified(copy.toString(), IdxReader.readBytes(copy, place.fix()), dims, place.fix(),
          file.contentSha256());
    }
  }

  private record Finder(DatasetDefinition definition, List<Locations.Place> places, Locations locations,
      Consumer<String> progress, Path explicit) {

    Found find(DataFile file, int dims) {
      if (explicit != null) { // a folder the user named is the only place to look
        for (String name : List.of(file.name(), file.rawName())) {
          if (Files.isRegularFile(explicit.resolve(name))) {
            progress.accept(definition.name() + ": " + name + " from " + explicit);
            return new Found(explicit.resolve(name), places.getFirst(), file, copyOf(file));
          }
        }
        throw new UserError(definition.name() + ": " + file.name() + " not found in data.path " + explicit
            + (Files.isDirectory(explicit) ? "" : " (no such folder)")
            + "; to fix: --set data.path=<folder with the files>, or leave data.path empty to look in the usual places");
      }
      for (Locations.Place place : places) {
        for (String name : List.of(file.name(), file.rawName())) {
          Path path = place.dir().resolve(name);
          if (Files.isRegularFile(path)) {
            progress.accept(definition.name() + ": " + name + " from " + place.dir());
            return new Found(path, place, file, copyOf(file));
          }
        }
      }
      String download = null;
      if (!definition.downloadUrl().isEmpty()) {
        Path dir = locations.cacheDir(definition);
        try {
          Path path = Downloader.download(definition.downloadUrl(), dir, file, dims, progress);
          return new Found(path, places.getLast(), file, copyOf(file));
        } catch (Downloader.Unavailable e) {
          download = e.getMessage();
        }
      }
      throw notFound(file, download);
    }

    private Path copyOf(DataFile file) {
      return UnpackedCopy.of(locations.cacheDir(definition), file);
    }

    private UserError notFound(DataFile file, String download) {
      List<String> looked = new ArrayList<>();
      places.forEach(place -> looked.add(place.label()));
      if (locations.labkitData() == null) {
        looked.add("$LABKIT_DATA (not set)");
      }
      List<String> fixes = new ArrayList<>();
      if (definition.systemPackage() != null) {
        fixes.add("sudo apt-get install " + definition.systemPackage());
      }
      Path home = locations.homeData().resolve(definition.name());
      if (!definition.downloadUrl().isEmpty()) {
        fixes.add("download the files from " + definition.downloadUrl() + " into " + home);
        fixes.add("--set data.mirror=<base URL of a copy>");
      } else {
        fixes.add("put the files into " + home + " (they ship with the labkit checkout: run from it or set "
            + "LABKIT_HOME)");
      }
      fixes.add("--set data.path=<folder with the files>");
      if (definition.name().equals(Datasets.MNIST.name())) {
        fixes.add("--set data=mnist-sample (10,000 real MNIST digits shipped with labkit: no network needed)");
      }
      return new UserError(definition.name() + ": " + file.name() + " not found in " + String.join(", ", looked)
          + (download == null ? "" : "; " + download) + "; to fix: " + String.join(", or ", fixes));
    }
  }
}
