package dev.podium.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Relevance on a real catalog: {@code ../shared/catalog/pyvideo-small.json} (CC0, read in place and
 * never copied here) is imported, then each query of the table below must bring the talk written
 * next to it among the first three talks. The queries were written by reading the catalog: titles
 * typed loosely, titles and words with typos, speakers' names, and distinctive words of abstracts.
 * Success at 3 must be at least 0.95; every miss is printed.
 */
@QuarkusTest
class SearchRelevanceTest {

  static final Path SMALL = Path.of("../shared/catalog/pyvideo-small.json");
  static final double REQUIRED = 0.95;

  /** Query | slug of the talk that should come first. */
  static final String TABLE =
      """
      # Titles typed loosely: lower case, words left out or reordered.
      matplotlib histograms scatter plots | matplotlib-plot-tutorial-for-beginners
      side channel attacks | all-in-the-timing-how-side-channel-attacks-work
      web scraping ajax | better-web-scraping-through-reverse-engineering-ajax-calls
      telenovela neural network | escuincla-babosa-creating-a-telenovela-script-with-a-neural-network
      memory management python basics | memory-management-in-python-the-basics
      python classes without the cruft | north-bay-python-2018-easier-classes-python-classes-without-all-the-cruft
      packaging django apps pypi | packaging-django-apps-for-distribution-on-pypi
      python on windows | python-on-windows-is-okay-actually
      recursion for beginners | recursion-for-beginners-a-beginner-s-guide-to-recursion
      jurassic park chaos ethics | welcome-to-jurassic-park-where-chaos-and-engineering-ethics-collide
      what php learned | what-php-learned-from-python
      table partitioning django | table-partitioning-with-django
      sorry state of ssl | pycon-pl-2014-sorry-state-of-ssl-en
      polyglot persistence | pycon-pl-2014-polyglot-persistence-en
      rabbitmq request response | pycon-pl-2014-rabbitmq-request-response-pattern-en
      industrial data pipelines airflow | alejandro-saucedo-eigen-technologies-industrial-data-pipelines-with-python-and-airflow
      type annotations large codebases | stephan-jaensch-yelp-type-annotations-with-large-r-codebases
      wayback machine and beyond | pydx-2016-the-wayback-machine-and-beyond
      how to write an email | elijah-caine-how-to-write-an-email
      judas priest scrum master | paul-adams-judas-priest-ate-my-scrum-master
      # Titles and words with typos.
      matplotlib tutorail | matplotlib-plot-tutorial-for-beginners
      side chanel atacks | all-in-the-timing-how-side-channel-attacks-work
      recursoin for begginers | recursion-for-beginners-a-beginner-s-guide-to-recursion
      telenovella script | escuincla-babosa-creating-a-telenovela-script-with-a-neural-network
      memroy managment | memory-management-in-python-the-basics
      partitoning django | table-partitioning-with-django
      polyglott persistance | pycon-pl-2014-polyglot-persistence-en
      jurasic park | welcome-to-jurassic-park-where-chaos-and-engineering-ethics-collide
      refactorng standard libary | north-bay-python-2018-refactoring-code-with-the-standard-library
      auditing accesibility | north-bay-python-2018-auditing-your-site-for-accessibility-now-what
      screencastng | diana-potter-screencasting-101
      blockchian bitcoin | pydx-2016-python-blockchain-and-byte-size-change
      hope for chatbtos | pydx-2016-theres-hope-for-chatbots
      recusrion | recursion-for-beginners-a-beginner-s-guide-to-recursion
      screencasitng | diana-potter-screencasting-101
      documentaion keeps working | adam-dangoor-tested-correct-how-to-make-sure-your-documentation-keeps-working
      # Speakers' names.
      Nina Zakharenko | memory-management-in-python-the-basics
      Kelley Robinson | 2fa-wtf
      Al Sweigart | recursion-for-beginners-a-beginner-s-guide-to-recursion
      Hynek Schlawack | pycon-pl-2014-sorry-state-of-ssl-en
      Lorena Mesa | escuincla-babosa-creating-a-telenovela-script-with-a-neural-network
      Trey Hunner | north-bay-python-2018-easier-classes-python-classes-without-all-the-cruft
      Brandon Rhodes | assay-testing-framework
      Heidi Waterhouse | pydx-2016-beyond-garbage-collection
      honza kral | pycon-pl-2014-polyglot-persistence-en
      Steve Dower | python-on-windows-is-okay-actually
      lukasz langa | pycon-pl-2014-a-song-of-ice-and-fire-type-hinting-in-python-en
      Riona MacNamara | riona-macnamara-imposter-no-more
      zdenek nemec | zdenek-nemec-writing-for-what-matters
      Amethyst Reese | north-bay-python-2018-refactoring-code-with-the-standard-library
      Hayley Denbraver | welcome-to-jurassic-park-where-chaos-and-engineering-ethics-collide
      # Distinctive words from abstracts.
      two-factor authentication one time passwords | 2fa-wtf
      order a pizza button | better-web-scraping-through-reverse-engineering-ajax-calls
      genetically engineered dinosaurs | welcome-to-jurassic-park-where-chaos-and-engineering-ethics-collide
      concrete syntax tree | north-bay-python-2018-refactoring-code-with-the-standard-library
      reference counting weak references slots | memory-management-in-python-the-basics
      fractals turtle module | recursion-for-beginners-a-beginner-s-guide-to-recursion
      otome visual novels | pydx-2016-making-visual-novels-with-renpy
      fantasy sports | pydx-2016-moneyballpy
      bullying in chatrooms | pydx-2016-theres-hope-for-chatbots
      servo browser engine | pydx-2016-servo-behind-the-scenes
      mozilla developer network wiki | florian-scholz-jean-yves-perrier-gardening-open-docs
      imposter syndrome | riona-macnamara-imposter-no-more
      speech recognition signals | pycaribbean-2016-dsp-desmystified-by-amy-boyle
      little bobby tables | hi-my-name-is
      """;

  record Case(String query, String expected) {}

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String line : TABLE.strip().split("\n")) {
      String row = line.strip();
      if (row.isEmpty() || row.startsWith("#")) {
        continue;
      }
      String[] parts = row.split("\\|");
      cases.add(new Case(parts[0].strip(), parts[1].strip()));
    }
    return cases;
  }

  @Test
  void theExpectedTalkIsAmongTheFirstThree() throws Exception {
    assumeTrue(
        Files.exists(SMALL),
        "Skipped: "
            + SMALL.toAbsolutePath()
            + " is absent (the shared datasets sit beside the repo).");
    String catalog = Files.readString(SMALL);
    Set<String> talks = new HashSet<>();
    Api.JSON.readTree(catalog).path("talks").forEach(t -> talks.add(t.path("slug").asText()));
    // Another test may have imported it already: importing again changes nothing.
    Api.importCatalog(catalog);

    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
    List<String> misses = new ArrayList<>();
    for (Case c : cases) {
      assertThat(talks).as("a talk of the catalog").contains(c.expected());
      JsonNode result = Api.search(Map.of("q", c.query(), "type", "talk", "limit", 3));
      List<String> top = Api.slugs(result);
      if (!top.contains(c.expected())) {
        misses.add(c.query() + " -> expected " + c.expected() + ", got " + top);
      }
    }
    double success = (cases.size() - misses.size()) / (double) cases.size();
    misses.forEach(m -> System.out.println("Relevance miss: " + m));
    System.out.printf(
        "Relevance: success@3 = %.3f (%d of %d queries)%n",
        success, cases.size() - misses.size(), cases.size());
    assertThat(success).as("success@3; misses: %s", misses).isGreaterThanOrEqualTo(REQUIRED);
  }
}
