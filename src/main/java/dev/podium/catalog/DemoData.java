package dev.podium.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podium.changes.ChangeLog;
import dev.podium.common.PodiumConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/**
 * Fills a new database with the demo catalog at first start. "New" means nothing was ever written
 * (the change log is empty), so a restart, or a database whose content was deleted, imports nothing
 * again.
 */
@ApplicationScoped
public class DemoData {

  static final String RESOURCE = "/demo/qcon-resiliency.json";
  private static final Logger LOG = Logger.getLogger(DemoData.class);

  private final PodiumConfig config;
  private final ChangeLog changes;
  private final CatalogService catalog;
  private final ObjectMapper mapper;

  public DemoData(
      PodiumConfig config, ChangeLog changes, CatalogService catalog, ObjectMapper mapper) {
    this.config = config;
    this.changes = changes;
    this.catalog = catalog;
    this.mapper = mapper;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.demoData() || changes.count() > 0) {
      return;
    }
    try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE)) {
      Catalog.Result result =
          catalog.importCatalog(mapper.readValue(in, Catalog.Document.class), false);
      LOG.infof("Loaded the demo catalog into an empty database: %s", result.counts());
    } catch (IOException e) {
      throw new UncheckedIOException("The demo catalog cannot be read", e);
    }
  }
}
