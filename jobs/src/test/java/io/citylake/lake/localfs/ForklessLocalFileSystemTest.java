package io.citylake.lake.localfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.testing.SparkTestBase;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.AbstractFileSystem;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;

/**
 * The lake's local file system must behave as Hadoop's (permissions, statuses, links) while
 * doing it in process; and the session must use it for both of Hadoop's file APIs.
 */
class ForklessLocalFileSystemTest extends SparkTestBase {

  @Test
  void theSessionWritesLocalFilesThroughItWithBothHadoopApis() throws Exception {
    Configuration conf = spark().sparkContext().hadoopConfiguration();
    Path lake = new Path(lakeDir().toUri());

    assertThat(FileSystem.get(lake.toUri(), conf)).isInstanceOf(ForklessLocalFileSystem.class);
    assertThat(AbstractFileSystem.get(lake.toUri(), conf)).isInstanceOf(ForklessLocalFs.class);
  }

  @Test
  void permissionsAreTheOnesHadoopSetsItself() throws Exception {
    java.nio.file.Path dir = Files.createDirectories(lakeDir().resolve("permissions"));
    Configuration conf = new Configuration(false);
    RawLocalFileSystem hadoops = new RawLocalFileSystem();
    hadoops.initialize(java.net.URI.create("file:///"), conf);
    ForklessRawLocalFileSystem ours = new ForklessRawLocalFileSystem();
    ours.initialize(java.net.URI.create("file:///"), conf);

    for (short mode : List.of((short) 0644, (short) 0600, (short) 0750, (short) 0777, (short) 0)) {
      FsPermission permission = new FsPermission(mode);
      Path byHadoop = new Path(dir.resolve("hadoop-" + mode).toUri());
      Path byUs = new Path(dir.resolve("ours-" + mode).toUri());
      hadoops.create(byHadoop, permission, true, 4096, (short) 1, 1 << 20, null).close();
      ours.create(byUs, permission, true, 4096, (short) 1, 1 << 20, null).close();

      assertThat(posix(byUs)).as("mode %o", mode).isEqualTo(posix(byHadoop))
          .isEqualTo(PosixFilePermissions.toString(ForklessRawLocalFileSystem.posix(
              permission.applyUMask(FsPermission.getUMask(conf)))));
    }
    Path folder = new Path(dir.resolve("a/b").toUri());
    assertThat(ours.mkdirs(folder, new FsPermission((short) 0750))).isTrue();
    assertThat(posix(folder)).isEqualTo("rwxr-x---");
    assertThatThrownBy(() -> ours.setPermission(new Path(dir.resolve("none").toUri()),
        FsPermission.getFileDefault())).isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void linkStatusesAreHadoopsThroughFileContext() throws Exception {
    Configuration conf = spark().sparkContext().hadoopConfiguration();
    java.nio.file.Path dir = Files.createDirectories(lakeDir().resolve("links"));
    java.nio.file.Path file = Files.writeString(dir.resolve("commit.json"), "{\"add\":{}}\n");
    java.nio.file.Path link = Files.createSymbolicLink(dir.resolve("latest"), file);
    FileContext context = FileContext.getFileContext(dir.toUri(), conf);

    FileStatus plain = context.getFileLinkStatus(new Path(file.toUri()));
    FileStatus linked = context.getFileLinkStatus(new Path(link.toUri()));

    assertThat(plain.isSymlink()).isFalse();
    assertThat(plain.isFile()).isTrue();
    assertThat(plain.getLen()).isEqualTo(Files.size(file));
    assertThat(linked.isSymlink()).isTrue();
    assertThat(linked.getSymlink().toUri().getPath()).isEqualTo(file.toString());
    assertThatThrownBy(() -> context.getFileLinkStatus(new Path(dir.resolve("gone").toUri())))
        .isInstanceOf(FileNotFoundException.class);
    // a Delta-style commit: write a temporary file, then rename it without overwriting
    Path temp = new Path(dir.resolve(".00001.json.tmp").toUri());
    try (var out = context.create(temp, java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE))) {
      out.writeBytes("{}\n");
    }
    context.rename(temp, new Path(dir.resolve("00001.json").toUri()));
    try (Stream<java.nio.file.Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains("00001.json", ".00001.json.crc").doesNotContain(".00001.json.tmp");
    }
  }

  private static String posix(Path path) throws Exception {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(java.nio.file.Path.of(path.toUri())));
  }
}
