package io.citylake.lake.localfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system without a child process per file.
 *
 * <p>Without Hadoop's native library (not on Maven Central, so never on our classpath), {@link
 * RawLocalFileSystem} sets the permissions of every file and folder it creates by running
 * {@code chmod}, and Delta's log store (through {@code FileContext}) asks for each commit's link
 * status by running {@code readlink}: thousands of processes forked from a multi-gigabyte JVM in a
 * night, with a thread per process to drain its output. Java's own POSIX file API does both in
 * process. Behaviour is Hadoop's otherwise: same permissions, same statuses, symbolic links still
 * resolved by Hadoop.
 */
public class ForklessRawLocalFileSystem extends RawLocalFileSystem {
  private static final PosixFilePermission[] BY_BIT = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ};

  @Override
  public void setPermission(Path p, FsPermission permission) throws IOException {
    try {
      Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException("File " + p + " does not exist");
    }
  }

  /**
   * Hadoop's fallback runs {@code readlink} on the path's URI string, which names no file, so it
   * answers "not a link" for every path it is given with a scheme, as {@code FileContext} gives
   * them. Here a link is read in process, from the file it names.
   */
  @Override
  public FileStatus getFileLinkStatus(Path f) throws IOException {
    java.nio.file.Path local = pathToFile(f).toPath();
    if (!Files.isSymbolicLink(local)) {
      return getFileStatus(f);
    }
    Path target = new Path(Files.readSymbolicLink(local).toString());
    try {
      FileStatus to = getFileStatus(f);
      return new FileStatus(to.getLen(), false, to.getReplication(), to.getBlockSize(),
          to.getModificationTime(), to.getAccessTime(), to.getPermission(), to.getOwner(),
          to.getGroup(), target, f);
    } catch (FileNotFoundException dangling) {
      return new FileStatus(0, false, 0, 0, 0, 0, FsPermission.getDefault(), "", "", target, f);
    }
  }

  @Override
  public Path getLinkTarget(Path f) throws IOException {
    return getFileLinkStatus(f).getSymlink();
  }

  static Set<PosixFilePermission> posix(FsPermission permission) {
    int bits = permission.toShort() & 0777;
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < BY_BIT.length; bit++) {
      if ((bits & (1 << bit)) != 0) {
        set.add(BY_BIT[bit]);
      }
    }
    return set;
  }
}
