package dev.podium.catalog;

import dev.podium.common.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Counts catalog imports by outcome ({@code podium.catalog.imports}: committed, checked for a dry
 * run, rejected as invalid, failed) and what committed imports did per kind ({@code
 * podium.catalog.entries}: created, updated, unchanged).
 */
@ApplicationScoped
public class ImportMetrics {

  private final MeterRegistry registry;

  public ImportMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Runs an import and counts it once it has returned (and so committed), or how it failed. */
  public Catalog.Result count(Supplier<Catalog.Result> importer) {
    Catalog.Result result;
    try {
      result = importer.get();
    } catch (ApiException e) {
      imports("rejected").increment();
      throw e;
    } catch (RuntimeException e) {
      imports("failed").increment();
      throw e;
    }
    if (result.dryRun()) {
      imports("checked").increment();
      return result;
    }
    imports("committed").increment();
    result
        .counts()
        .forEach(
            (kind, counts) -> {
              entries(kind, "created").increment(counts.created());
              entries(kind, "updated").increment(counts.updated());
              entries(kind, "unchanged").increment(counts.unchanged());
            });
    return result;
  }

  private Counter imports(String outcome) {
    return Counter.builder("podium.catalog.imports")
        .description("Catalog imports by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter entries(String kind, String result) {
    return Counter.builder("podium.catalog.entries")
        .description("Entries of committed catalog imports, by kind and what the import did")
        .tag("kind", kind)
        .tag("result", result)
        .register(registry);
  }
}
