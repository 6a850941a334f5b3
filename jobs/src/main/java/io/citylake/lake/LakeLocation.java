package io.citylake.lake;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a location the metastore recorded lies inside a folder of the lake, compared as Hadoop
 * paths: {@code file:/lake/gold/x} and {@code file:///lake/gold/x/} are the same place, and
 * {@code /lake-copy/gold/x} is not inside {@code /lake}.
 */
public final class LakeLocation {
  private LakeLocation() {}

  /** True when {@code location} is {@code folder} or below it; false for a null location. */
  public static boolean isUnder(URI folder, String location) {
    if (location == null || location.isBlank()) {
      return false;
    }
    Parts inner = Parts.of(new org.apache.hadoop.fs.Path(location).toUri());
    Parts outer = Parts.of(new org.apache.hadoop.fs.Path(folder.toString()).toUri());
    if (!inner.scheme().equals(outer.scheme())
        || !Objects.equals(inner.authority(), outer.authority())) {
      return false;
    }
    return inner.path().equals(outer.path()) || inner.path().startsWith(outer.path() + "/");
  }

  /** Scheme (file when absent), authority (null when empty) and path without trailing slash. */
  private record Parts(String scheme, String authority, String path) {
    static Parts of(URI uri) {
      String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(Locale.ROOT);
      String authority = uri.getAuthority() == null || uri.getAuthority().isEmpty()
          ? null : uri.getAuthority();
      String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
      return new Parts(scheme, authority, path);
    }
  }
}
