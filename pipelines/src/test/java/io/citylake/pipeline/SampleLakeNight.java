package io.citylake.pipeline;

import io.citylake.job.TableRef;
import io.citylake.lake.LocalTrees;
import io.citylake.lake.LakeConfig;
import io.citylake.publish.MetastoreTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The first night of the committed sample lake, run once per test JVM and shared by the
 * end-to-end test classes: a pipeline run takes minutes on a 2-core machine.
 *
 * <ul>
 *   <li>Classes that only read the lake use {@link #shared} and read it as it is: no copy. Their
 *       own output (reports, exports, dictionaries) goes to their own folders, never into the
 *       lake; the lake is fingerprinted after the night and every hand-out fails when an earlier
 *       class changed a file of it.
 *   <li>The late deliveries (a re-run of the night, then the files of {@code late/raw/}) run once
 *       on one copy, {@link #lateDeliveries}, shared by the classes that check them.
 *   <li>Classes that change the lake in other ways work on their own copy made with
 *       {@link #copyTo}.
 * </ul>
 *
 * <p>The metastore of the test JVM is one: {@code gold.x} means the table of whichever lake was
 * registered last. Each hand-out therefore points the metastore at the lake it hands out, when it
 * points elsewhere (about a second; the registration run's lineage file is then part of the shared
 * lake as handed out). Test classes run two at a time, so a class that reads the shared lake
 * through the metastore locks it for reading, and one that points it at another lake locks it
 * exclusively ({@code SharedResources.METASTORE}); their {@code @Order}
 * ({@code junit-platform.properties}) keeps the readers together.
 */
public final class SampleLakeNight {
  private static final String REGISTER = "publish.register_tables";
  private static Path lake;
  private static RunSummary summary;
  private static Map<String, String> fingerprint;
  private static LateDeliveries late;
  /** Why the first night or the late deliveries failed: they are not tried again. */
  private static RuntimeException firstNightFailure;
  private static RuntimeException lateFailure;

  private SampleLakeNight() {}

  /** A lake and the night that built it. */
  public record Lake(Path root, RunSummary night) {
    public LakeConfig config() {
      return LakeConfig.local(root);
    }
  }

  /**
   * A copy of the shared first night ({@code firstNight}, which stays as it was) after two more
   * nights: the same day run again with nothing new ({@code rerun}), then again after
   * {@code late/raw/} was copied over {@code raw/} ({@code late}).
   */
  public record LateDeliveries(Path root, Lake firstNight, RunSummary rerun, RunSummary late) {
    public LakeConfig config() {
      return LakeConfig.local(root);
    }
  }

  /** The committed {@code sample-lake/} of the checkout under test. */
  public static Path committedSample() {
    return Path.of(System.getProperty("citylake.home", "..")).resolve("sample-lake");
  }

  /** The summary of the shared first night, running it on first use. */
  public static synchronized RunSummary firstNight(SparkSession spark) {
    if (firstNightFailure != null) {
      throw new IllegalStateException("The shared first night failed earlier", firstNightFailure);
    }
    if (summary == null) {
      try {
        lake = temporaryFolder("citylake-sample-night-");
        copyTree(committedSample().resolve("raw"), lake.resolve("raw"));
        copyTree(committedSample().resolve("reference"), lake.resolve("reference"));
        NightlyRun run = new NightlyRun(spark, LakeConfig.local(lake), NightlyPipeline.graph());
        RunSummary night = run.run(run.resolveDate(Optional.empty()), job -> true, o -> { });
        fingerprint = fingerprint(lake);
        summary = night;
      } catch (IOException e) {
        firstNightFailure = new UncheckedIOException(e);
        throw firstNightFailure;
      } catch (RuntimeException e) {
        firstNightFailure = e;
        throw e;
      }
      // per-job times in the test log: where the suite's biggest fixed cost goes
      System.out.printf("sample lake first night (%.1fs):%n%s", summary.seconds(),
          summary.table());
    }
    return summary;
  }

  /**
   * The shared first-night lake itself, for classes that only read it, with the metastore's
   * tables pointing at it. Fails when an earlier class changed the lake.
   */
  public static synchronized Lake shared(SparkSession spark) {
    Lake shared = unchanged(spark);
    if (registerIfElsewhere(spark, shared.root(), shared.night())) {
      // the registration run adds its lineage events to the lake: the lake as this class gets it
      fingerprint = fingerprint(lake);
    }
    return shared;
  }

  /** The shared first-night lake, checked to be as the night left it. */
  private static Lake unchanged(SparkSession spark) {
    RunSummary first = firstNight(spark);
    List<String> changed = changes(fingerprint, fingerprint(lake));
    if (!changed.isEmpty()) {
      throw new IllegalStateException("The shared sample lake " + lake + " was changed by an"
          + " earlier test class, which must work on its own copy (SampleLakeNight.copyTo)"
          + " instead: " + changed);
    }
    return new Lake(lake, first);
  }

  /**
   * The late deliveries of the sample on one copy of the first night, run on first use and
   * shared by the classes that check them; the metastore's tables point at that copy.
   */
  public static synchronized LateDeliveries lateDeliveries(SparkSession spark) {
    if (lateFailure != null) {
      throw new IllegalStateException("The late deliveries failed earlier", lateFailure);
    }
    if (late == null) {
      Lake first = unchanged(spark);
      try {
        Path copy = temporaryFolder("citylake-sample-late-");
        copyTree(first.root(), copy);
        // every run of the whole pipeline ends by registering its lake's tables
        NightlyRun run = new NightlyRun(spark, LakeConfig.local(copy), NightlyPipeline.graph());
        LocalDate day = first.night().runDate();
        RunSummary rerun = run.run(day, job -> true, outcome -> { });
        copyTree(committedSample().resolve("late/raw"), copy.resolve("raw"));
        RunSummary next = run.run(day, job -> true, outcome -> { });
        late = new LateDeliveries(copy, first, rerun, next);
      } catch (IOException e) {
        lateFailure = new UncheckedIOException(e);
        throw lateFailure;
      } catch (RuntimeException e) {
        lateFailure = e;
        throw e;
      }
      System.out.printf("sample lake re-run (%.1fs):%n%s", late.rerun().seconds(),
          late.rerun().table());
      System.out.printf("sample lake late deliveries (%.1fs):%n%s", late.late().seconds(),
          late.late().table());
    }
    registerIfElsewhere(spark, late.root(), late.late());
    return late;
  }

  /**
   * Copies the lake as it was after the first night into {@code target} and points the
   * metastore's tables at the copy, so {@code gold.x} reads the caller's lake.
   */
  public static RunSummary copyTo(SparkSession spark, Path target) {
    RunSummary first = firstNight(spark);
    copyTree(lake, target);
    register(spark, target, first);
    return first;
  }

  /**
   * Points the metastore at {@code root} unless every table of it is registered there; true when
   * it did.
   */
  private static boolean registerIfElsewhere(SparkSession spark, Path root, RunSummary night) {
    MetastoreTables metastore = new MetastoreTables(spark);
    LakeConfig config = LakeConfig.local(root);
    for (TableRef table : NightlyPipeline.graph().job(REGISTER).inputs()) {
      String location = config.paths().layer(table.layer(), table.table());
      Path folder = root.resolve(table.layer().directory()).resolve(table.table());
      if (!Files.isDirectory(folder.resolve("_delta_log"))) {
        continue;
      }
      String name = table.layer().directory() + "." + table.table();
      Optional<String> registered = metastore.location(name);
      if (registered.isEmpty() || !samePath(registered.get(), location)) {
        register(spark, root, night);
        return true;
      }
    }
    return false;
  }

  private static void register(SparkSession spark, Path root, RunSummary night) {
    long started = System.nanoTime();
    RunSummary registered = new NightlyRun(spark, LakeConfig.local(root), NightlyPipeline.graph())
        .run(night.runDate(), job -> job.name().equals(REGISTER), o -> { });
    if (!registered.succeeded()) {
      throw new IllegalStateException("Cannot register the lake " + root + ": "
          + registered.table());
    }
    System.out.printf("metastore pointed at %s (%.1fs)%n", root,
        (System.nanoTime() - started) / 1e9);
  }

  private static boolean samePath(String a, String b) {
    return normalise(a).equals(normalise(b));
  }

  private static String normalise(String location) {
    return new org.apache.hadoop.fs.Path(location).toUri().getPath().replaceAll("/+$", "");
  }

  /** Size and modification time of every file below {@code root}, by relative path. */
  private static Map<String, String> fingerprint(Path root) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (attributes.isRegularFile()) {
          files.put(root.relativize(path).toString(),
              attributes.size() + "@" + attributes.lastModifiedTime().toMillis());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Files added, removed or changed, at most 20 of them. */
  private static List<String> changes(Map<String, String> before, Map<String, String> after) {
    TreeSet<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    List<String> changed = new ArrayList<>();
    for (String path : paths) {
      String was = before.get(path);
      String is = after.get(path);
      if (was == null || is == null || !was.equals(is)) {
        changed.add((was == null ? "added " : is == null ? "removed " : "changed ") + path);
      }
      if (changed.size() == 20) {
        break;
      }
    }
    return changed;
  }

  /** A new temporary folder, deleted with everything in it when the test JVM ends. */
  private static Path temporaryFolder(String prefix) throws IOException {
    Path folder = Files.createTempDirectory(prefix);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException | UncheckedIOException e) {
        // a temporary folder left behind
      }
    }));
    return folder;
  }

  /** Copies a folder tree (see {@link LocalTrees#copyTree}). */
  public static void copyTree(Path from, Path to) {
    LocalTrees.copyTree(from, to);
  }
}
