package dev.podium.common;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock that decides what is upcoming and what is past; tests replace it to fix "now". */
public class Clocks {

  @Produces
  @ApplicationScoped
  @DefaultBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
