package dev.labkit.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a dataset's four IDX files come from and what they must contain. {@link Datasets} holds the
 * definitions labkit ships; a test builds its own with its own files, digests and download URL.
 *
 * @param name          short name, also the folder name under {@code data/} and the download cache
 * @param classNames    the name of each label, in label order
 * @param downloadUrl   base URL the files are downloaded from (ends with {@code /}); empty: never download
 * @param systemDir     folder an operating-system package installs the files into; null: none
 * @param systemPackage that package's name ({@code dataset-fashion-mnist}); null: none
 */
public record DatasetDefinition(String name, List<String> classNames, DataFile trainImages, DataFile trainLabels,
    DataFile testImages, DataFile testLabels, String downloadUrl, Path systemDir, String systemPackage) {

  public DatasetDefinition {
    classNames = List.copyOf(classNames);
    downloadUrl = Mirrors.normalize(downloadUrl);
  }

  /** This definition downloading from {@code baseUrl} instead (empty: no download). */
  public DatasetDefinition withDownloadUrl(String baseUrl) {
    return new DatasetDefinition(name, classNames, trainImages, trainLabels, testImages, testLabels, baseUrl,
        systemDir, systemPackage);
  }

  public List<DataFile> files() {
    return List.of(trainImages, trainLabels, testImages, testLabels);
  }
}
