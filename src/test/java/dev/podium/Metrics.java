package dev.podium;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.regex.Pattern;

/** Reads the Prometheus text that {@code /q/metrics} serves. */
final class Metrics {

  private Metrics() {}

  static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  /**
   * The value of the sample {@code name} whose labels include every {@code label="value"} given, or
   * 0 when there is none yet (a counter not yet incremented).
   */
  static double value(String metrics, String name, String... labels) {
    Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{.*})? (\\S+)$");
    return metrics
        .lines()
        .map(sample::matcher)
        .filter(m -> m.matches() && Arrays.stream(labels).allMatch(l -> hasLabel(m.group(1), l)))
        .mapToDouble(m -> Double.parseDouble(m.group(2)))
        .findFirst()
        .orElse(0);
  }

  private static boolean hasLabel(String labels, String label) {
    return labels != null && labels.contains(label);
  }
}
