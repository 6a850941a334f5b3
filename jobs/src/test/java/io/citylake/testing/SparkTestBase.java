package io.citylake.testing;

import io.citylake.conform.ConformFunctions;
import io.citylake.conform.PseudonymKey;
import io.citylake.conform.Pseudonymizer;
import io.citylake.job.JobContext;
import io.citylake.lake.ExpressionEvaluation;
import io.citylake.lake.LakeConfig;
import io.citylake.lake.LocalTrees;
import io.citylake.lake.QueryPlanning;
import io.citylake.lake.SparkSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Base of every Spark test: one {@code local[2]} session per test JVM (Delta, Sedona, Derby
 * metastore in a JVM-wide temp folder, expressions interpreted as on a small day's night) and a
 * fresh lake folder per test class.
 *
 * <p>Test classes run two at a time (the surefire configuration of the parent pom), so the lake
 * folder is the running class's own: a static field of this base would be one for all classes.
 */
@ExtendWith(SparkTestBase.ClassLake.class)
public abstract class SparkTestBase {
  private static SparkSession spark;
  private static final AtomicInteger RUNS = new AtomicInteger();
  /** The lake folder of the class whose code runs on this thread (and threads it starts). */
  private static final InheritableThreadLocal<Path> LAKE = new InheritableThreadLocal<>();

  /** The lake of the current test class; tests create {@code raw/...} below it. */
  protected static Path lakeDir() {
    Path dir = LAKE.get();
    if (dir == null) {
      throw new IllegalStateException("No test class's lake on thread "
          + Thread.currentThread().getName() + ": lakeDir() is for a test class's own code");
    }
    return dir;
  }

  protected static synchronized SparkSession spark() {
    if (spark == null) {
      Path home;
      try {
        home = Files.createTempDirectory("citylake-spark-tests-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      spark = SparkSessions.create(LakeConfig.local(home), SparkSessions.Settings.tests());
      // test data is small: evaluated and planned the way a night of a small day does it
      // (interpreted, each query planned once)
      ExpressionEvaluation.forDayText(0).applyTo(spark);
      QueryPlanning.forDayText(0).applyTo(spark);
    }
    return spark;
  }

  /**
   * Registers the session's {@code citylake_pseudonym} function with the committed sample lake's
   * published demo key, the key every night on the sample registers too, and returns its
   * pseudonyms. The session has one such function and test classes run two at a time, so every
   * class that conforms rows registers this same key: a class that registered a key of its own
   * could have its expected pseudonyms changed by another class's registration mid-test.
   */
  protected static Pseudonymizer samplePseudonyms() {
    // resolved as a night resolves it, with no key in the environment: the lake's demo key file
    Path sampleLake = Path.of(System.getProperty("citylake.home", "..")).resolve("sample-lake");
    Pseudonymizer pseudonyms = PseudonymKey.resolve(LakeConfig.local(sampleLake), Map.of(),
        spark().sparkContext().hadoopConfiguration());
    ConformFunctions.register(spark(), pseudonyms);
    return pseudonyms;
  }

  protected static LakeConfig lake() {
    return LakeConfig.local(lakeDir());
  }

  /** A job context for {@code day} on this class's lake with a new run id and a later start. */
  protected static JobContext context(LocalDate day) {
    int run = RUNS.incrementAndGet();
    return new JobContext(spark(), lake(), day, "test-run-" + run,
        Instant.parse("2026-11-20T00:00:00Z").plusSeconds(run));
  }

  protected static List<Row> rows(String sql) {
    return spark().sql(sql).collectAsList();
  }

  /** A Delta table of this class's lake as a SQL identifier, e.g. {@code delta.`/tmp/.../x`}. */
  protected static String delta(String path) {
    return "delta.`" + path + "`";
  }

  /**
   * Gives each test class a fresh lake folder, deleted after the class, and makes it the one
   * {@link #lakeDir()} returns on the threads that run the class's code.
   */
  static final class ClassLake implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(ClassLake.class);

    /** The class's folder, deleted when JUnit closes the class's store. */
    private record Folder(Path dir) implements ExtensionContext.Store.CloseableResource {
      @Override
      public void close() {
        LocalTrees.deleteQuietly(dir);
      }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
      Folder folder = new Folder(Files.createTempDirectory("citylake-test-lake-"));
      context.getStore(NAMESPACE).put(Folder.class, folder);
      LAKE.set(folder.dir());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      LAKE.set(context.getStore(NAMESPACE).get(Folder.class, Folder.class).dir());
    }

    @Override
    public void afterAll(ExtensionContext context) {
      LAKE.remove();
    }
  }
}
