package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Airflow container set-up, checked structurally since no Docker engine is at hand: a pinned
 * official image with Java 17, LocalExecutor on Postgres, and the DAGs and lake mounted.
 */
class AirflowImageTest {
  private static final Pattern AIRFLOW_FROM =
      Pattern.compile("(?m)^FROM apache/airflow:(\\d+\\.\\d+\\.\\d+)-python(3\\.\\d+)$");

  private static Path dags() {
    return Path.of(System.getProperty("citylake.home", "..")).resolve("dags");
  }

  @Test
  void dockerfileExtendsAPinnedAirflowImageWithJava17AndTheCli() throws IOException {
    String dockerfile = Files.readString(dags().resolve("Dockerfile"));
    Matcher from = AIRFLOW_FROM.matcher(dockerfile);
    assertThat(from.find()).as("FROM apache/airflow:<x.y.z>-python<3.n>").isTrue();
    assertThat(from.group(1)).isEqualTo("2.10.4");
    assertThat(dockerfile).doesNotContain(":latest")
        .contains("apt-get install -y --no-install-recommends openjdk-17-jre-headless")
        .contains("COPY dags/citylake.sh /usr/local/bin/citylake")
        .contains("USER airflow");
    assertThat(Files.readString(dags().resolve("citylake.sh")))
        .contains("io.citylake.cli.CityLakeCli \"$@\"");
  }

  @Test
  void everyComposeImageIsPinned() throws IOException {
    List<String> images = new ArrayList<>();
    Matcher image = Pattern.compile("(?m)^\\s+image:\\s*(\\S+)$")
        .matcher(Files.readString(dags().resolve("docker-compose.yml")));
    while (image.find()) {
      images.add(image.group(1));
    }
    assertThat(images).isNotEmpty().allSatisfy(name -> assertThat(name)
        .matches("[\\w./-]+:[\\w.-]*\\d[\\w.-]*").doesNotEndWith(":latest"));
  }

  @Test
  void composeRunsLocalExecutorOnPostgresWithDagsAndLakeMounted() throws Exception {
    JsonNode compose = new ObjectMapper().readTree(PythonScripts.run(
        "compose_structure.py", dags().resolve("docker-compose.yml").toString()));
    JsonNode services = compose.get("services");
    List<String> names = new ArrayList<>();
    services.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrder(
        "postgres", "airflow-webserver", "airflow-scheduler", "airflow-init");

    JsonNode scheduler = services.get("airflow-scheduler");
    assertThat(scheduler.get("command").asText()).isEqualTo("scheduler");
    assertThat(scheduler.at("/build/dockerfile").asText()).isEqualTo("dags/Dockerfile");
    JsonNode environment = scheduler.get("environment");
    assertThat(environment.get("AIRFLOW__CORE__EXECUTOR").asText()).isEqualTo("LocalExecutor");
    assertThat(environment.get("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN").asText())
        .startsWith("postgresql+psycopg2://").contains("@postgres/");
    assertThat(environment.get("CITYLAKE_LAKE").asText()).isEqualTo("/opt/citylake/lake");
    List<String> volumes = new ArrayList<>();
    scheduler.get("volumes").forEach(v -> volumes.add(v.asText()));
    assertThat(volumes).contains("./:/opt/airflow/dags:ro",
        "${CITYLAKE_LAKE_DIR:-../lake}:/opt/citylake/lake");
    assertThat(services.at("/postgres/image").asText()).startsWith("postgres:");
  }
}
