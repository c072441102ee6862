package dev.podium.search;

import static dev.podium.search.Api.hits;
import static dev.podium.search.Api.search;
import static dev.podium.search.Api.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A search too big to count exactly: its hits are exact, its total and facets estimated from a
 * sample. The budget is lowered so that 400 talks are too many.
 */
@QuarkusTest
@TestProfile(SearchEstimateTest.SmallBudget.class)
class SearchEstimateTest {

  static final int TALKS = 400;

  /** A search may read 200 postings to count exactly: about half of the talks are counted. */
  public static class SmallBudget implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("podium.search.counted-exactly", "200");
    }
  }

  @Test
  void aBigResultHasExactHitsAndEstimatedCounts() {
    String w = word();
    String rare = word();
    List<Map<String, Object>> talks = new ArrayList<>();
    for (int i = 0; i < TALKS; i++) {
      // A quarter in 2018, the rest in 2019; three of them also hold a rarer word.
      String year = i < TALKS / 4 ? "2018" : "2019";
      talks.add(
          Map.of(
              "slug",
              Api.slug("estimated-" + i),
              "title",
              "On " + w + (i < 3 ? " and " + rare : "") + ", part " + i,
              "startsAt",
              year + "-06-01T10:00:00Z"));
    }
    Map<String, Object> catalog = new LinkedHashMap<>();
    catalog.put("formatVersion", 1);
    catalog.put("talks", talks);
    Api.importCatalog(catalog);

    JsonNode big = search(w, "limit", 20);
    assertThat(big.path("estimated").asBoolean()).isTrue();
    assertThat(hits(big)).hasSize(20);
    big.path("items").forEach(h -> assertThat(h.path("title").asText().toLowerCase()).contains(w));
    assertThat(big.path("page").path("total").asInt()).isCloseTo(TALKS, within(TALKS / 4));
    JsonNode years = big.path("facets").path("year");
    assertThat(years.path("2018").asInt()).isPositive().isLessThan(years.path("2019").asInt());
    assertThat(years.path("2018").asInt() + years.path("2019").asInt())
        .isCloseTo(TALKS, within(TALKS / 4));
    // The hits are exact: paging through them finds every talk once.
    List<String> all = new ArrayList<>(hits(big));
    for (JsonNode page = big; !page.path("page").path("next").isNull(); ) {
      page = search(w, "limit", 100, "cursor", page.path("page").path("next").asText());
      all.addAll(hits(page));
    }
    assertThat(all).hasSize(TALKS).doesNotHaveDuplicates();

    JsonNode small = search(rare);
    assertThat(small.path("estimated").asBoolean()).isFalse();
    assertThat(small.path("page").path("total").asInt()).isEqualTo(3);
    assertThat(small.path("facets").path("year").path("2018").asInt()).isEqualTo(3);
  }
}
