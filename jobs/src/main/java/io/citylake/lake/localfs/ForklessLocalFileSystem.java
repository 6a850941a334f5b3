package io.citylake.lake.localfs;

import org.apache.hadoop.fs.LocalFileSystem;

/**
 * The {@code file:} scheme's {@link org.apache.hadoop.fs.FileSystem} for a local lake: Hadoop's
 * checksummed local file system over {@link ForklessRawLocalFileSystem}.
 */
public class ForklessLocalFileSystem extends LocalFileSystem {
  public ForklessLocalFileSystem() {
    super(new ForklessRawLocalFileSystem());
  }
}
