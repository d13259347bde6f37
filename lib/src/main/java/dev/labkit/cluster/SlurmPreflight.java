package dev.labkit.cluster;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What would make every task of a Slurm sweep fail, checked before anything is submitted: one line each,
 * nothing submitted. It finds: no {@code sbatch} on the PATH; a controller that does not answer; a partition
 * {@code sinfo} does not know; a runs folder on a file system that only this machine sees (tmpfs, ramfs,
 * overlay: from /proc/mounts) when the partition has nodes other than this one. It cannot see whether another
 * node mounts a local disk of this one (an NFS export of ext4 looks local from here): that case is a warning.
 */
public final class SlurmPreflight {
  /** File systems that live in this machine's memory or container: no other node can see them. */
  static final Set<String> THIS_MACHINE_ONLY = Set.of("tmpfs", "ramfs", "overlay", "devtmpfs", "aufs", "squashfs");
  /** File systems made to be shared by the nodes of a cluster. */
  static final Set<String> SHARED = Set.of("nfs", "nfs4", "cifs", "smb3", "lustre", "gpfs", "beegfs", "ceph",
      "glusterfs", "cvmfs", "9p", "virtiofs", "panfs", "wekafs", "orangefs");

  private SlurmPreflight() {}

  /** Checks, and returns a warning to print (or null). */
  public static String check(SlurmOptions options, Path runsDir) {
    return check(options, runsDir, System.getenv("PATH"), Path.of("/proc/mounts"), shortName(localHost()));
  }

  static String check(SlurmOptions options, Path runsDir, String path, Path mounts, String thisHost) {
    if (!Commands.onPath("sbatch", path)) {
      throw new UserError("--cluster slurm needs sbatch on the PATH, and there is none; run on a machine with "
          + "Slurm's client commands (Debian: apt-get install slurm-client) or drop --cluster slurm");
    }
    Commands.Output nodes = Commands.run(List.of("sinfo", "-h", "-N", "-o", "%N %P"));
    if (!nodes.ok()) {
      throw new UserError("--cluster slurm: sinfo cannot reach the Slurm controller (" + nodes.firstLine()
          + "); check SLURM_CONF and that slurmctld runs (tools/slurm-local start on one machine)");
    }
    Set<String> partitions = new TreeSet<>();
    Set<String> inPartition = new TreeSet<>();
    for (String line : nodes.stdout().strip().lines().toList()) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length < 2) {
        continue;
      }
      boolean isDefault = parts[1].endsWith("*");
      String partition = isDefault ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
      partitions.add(partition);
      if (options.partition() == null ? isDefault : partition.equals(options.partition())) {
        inPartition.add(shortName(parts[0]));
      }
    }
    if (options.partition() != null && !partitions.contains(options.partition())) {
      throw new UserError("--slurm-partition " + options.partition() + ": Slurm has no such partition (sinfo lists "
          + (partitions.isEmpty() ? "none" : String.join(", ", partitions)) + ")");
    }
    return sharing(runsDir, fileSystem(runsDir, mounts), inPartition, thisHost);
  }

  /**
   * Whether the partition's {@code nodes} can see {@code runsDir}, on a file system of {@code type} here: null when
   * they can (or when only this machine runs tasks), an error when they cannot, a warning when it cannot tell.
   */
  static String sharing(Path runsDir, String type, Set<String> nodes, String thisHost) {
    Set<String> inPartition = nodes;
    if (inPartition.isEmpty() || inPartition.equals(Set.of(thisHost))) {
      return null; // the tasks run on this machine: they see its folders
    }
    if (type == null || SHARED.contains(type) || type.startsWith("fuse.")) {
      return null;
    }
    if (THIS_MACHINE_ONLY.contains(type)) {
      throw new UserError("--cluster slurm: the runs folder " + runsDir + " is on " + type + ", which only this machine "
          + "sees, and the partition's nodes (" + String.join(", ", inPartition) + ") would write elsewhere; "
          + "give --out a folder on a shared file system (NFS, Lustre, …)");
    }
    return "warning: the runs folder " + runsDir + " is on " + type + ", a local disk here; the nodes "
        + String.join(", ", inPartition) + " must see it at the same path (an NFS export of it), or give --out a "
        + "folder on a shared file system";
  }

  /** The type of the file system {@code folder} (or its nearest existing parent) is on, from a /proc/mounts file. */
  static String fileSystem(Path folder, Path mounts) {
    Path real = folder.toAbsolutePath().normalize();
    while (real != null && !Files.exists(real)) {
      real = real.getParent();
    }
    try {
      real = real == null ? Path.of("/") : real.toRealPath();
      String best = null;
      int bestLength = -1;
      for (String line : Files.readAllLines(mounts)) {
        String[] fields = line.split(" ");
        if (fields.length < 3) {
          continue;
        }
        Path point = Path.of(fields[1].replace("\\040", " "));
        if (real.startsWith(point) && point.toString().length() > bestLength) { // the last, longest mount wins
          best = fields[2];
          bestLength = point.toString().length();
        } else if (real.startsWith(point) && point.toString().length() == bestLength) {
          best = fields[2];
        }
      }
      return best;
    } catch (IOException e) {
      return null; // no /proc/mounts (not Linux): nothing to tell
    }
  }

  static String shortName(String host) {
    int dot = host.indexOf('.');
    return dot < 0 ? host : host.substring(0, dot);
  }

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
