package dev.podium.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Podium's own settings, under the {@code podium.} prefix. */
@ConfigMapping(prefix = "podium")
public interface PodiumConfig {

  /** Folder for the embedded database and the search index (env {@code PODIUM_DATA_DIR}). */
  @WithDefault("./data")
  String dataDir();

  /** Fill an empty database with the demo catalog at first start. */
  @WithDefault("true")
  boolean demoData();

  /** {@code max-age} in seconds of the {@code Cache-Control} header on successful GETs. */
  @WithDefault("60")
  int cacheMaxAge();
}
