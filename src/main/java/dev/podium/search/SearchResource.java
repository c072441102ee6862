package dev.podium.search;

import dev.podium.common.ApiException;
import dev.podium.common.Links;
import dev.podium.common.PageParams;
import dev.podium.common.Params;
import dev.podium.security.Roles;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP for search and suggestions, and the index rebuild. */
@Path("/api/v1")
@Tag(
    name = "Search",
    description = "Ranked, highlighted, faceted, typo-tolerant search over all content.")
public class SearchResource {

  private final SearchService search;
  private final Indexer indexer;
  private final SearchIndex index;

  public SearchResource(SearchService search, Indexer indexer, SearchIndex index) {
    this.search = search;
    this.indexer = indexer;
    this.index = index;
  }

  /** The answer of a search (named for the OpenAPI document). */
  @Schema(name = "SearchResult")
  public record ResultDoc(
      List<SearchService.Hit> items,
      @Schema(description = "Counts per value of type, topic, year and conference over all hits.")
          java.util.Map<String, java.util.Map<String, Integer>> facets,
      dev.podium.common.Page.Info page,
      @Schema(
              description =
                  "Whether `page.total` and the facet counts are estimates. A search that would"
                      + " read more than `podium.search.counted-exactly` postings (50,000) to count"
                      + " its hits counts them on a random sample of the index and scales the"
                      + " counts up; its hits, their order and its cursors are exact either way.")
          boolean estimated) {}

  /** Completions for a search box. */
  @Schema(name = "Suggestions")
  public record Suggestions(List<SearchService.Suggestion> items) {}

  /** What a rebuild did. */
  @Schema(name = "Reindexed")
  public record Reindexed(
      @Schema(example = "21") int documents, @Schema(example = "23") long lastChange) {}

  @GET
  @Path("search")
  @Operation(
      operationId = "search",
      summary = "Search talks, speakers, interviews and topics",
      description =
          "Full-text search for a search page: hits best first, each with `highlights` "
              + "(matched words in `<mark>`, the rest HTML-escaped) and the summary the lists "
              + "give, plus `facets` counting `type`, `topic`, `year` and `conference` over all "
              + "hits. Filters narrow both hits and facets. Pages by `cursor` like the lists.")
  @APIResponse(
      responseCode = "200",
      description = "Hits, best first, with highlights, summaries and facet counts.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ResultDoc.class),
              examples = @ExampleObject(name = "resilience", value = Examples.RESULT)))
  public RestResponse<SearchService.Result> search(
      @Parameter(
              description =
                  "What the user typed: words, \"quoted phrases\", -excluded words and -\"excluded"
                      + " phrases\". Up to 500 characters, of which the first 12 distinct words count;"
                      + " nothing else is syntax. Empty: everything, ranked by nothing.",
              example = "resilience")
          @QueryParam("q")
          String q,
      @Parameter(
              description = "Kinds to find, repeatable.",
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = String.class,
                      enumeration = {"talk", "speaker", "interview", "topic"}))
          @QueryParam("type")
          List<String> type,
      @Parameter(description = "Topic slug; includes its sub-topics.", example = "resiliency")
          @QueryParam("topic")
          String topic,
      @Parameter(description = "Conference slug.", example = "qcon-sf-2018")
          @QueryParam("conference")
          String conference,
      @Parameter(
              description = "Year.",
              schema = @Schema(type = SchemaType.INTEGER),
              example = "2018")
          @QueryParam("year")
          String year,
      @Parameter(description = "Speaker slug.", example = "nora-jones") @QueryParam("speaker")
          String speaker,
      @BeanParam PageParams paging,
      @Context UriInfo uri) {
    if (q != null && q.length() > SearchService.MAX_QUERY) {
      throw ApiException.badParameter(
          "q", "must be at most " + SearchService.MAX_QUERY + " characters");
    }
    SearchService.Filters filters =
        new SearchService.Filters(
            Params.allOf("type", type, "talk", "speaker", "interview", "topic"),
            Params.slug("topic", topic),
            Params.slug("conference", conference),
            Params.year(year),
            Params.slug("speaker", speaker));
    SearchService.Result result = search.search(q, filters, paging.request());
    return Links.paged(result, result.page(), uri);
  }

  @GET
  @Path("search/suggest")
  @Operation(
      operationId = "suggest",
      summary = "Complete what the user is typing",
      description =
          "Completions for a search box while the user types: talk titles, speaker names "
              + "and topic names that complete the last word, each with the `type` and `slug` to "
              + "open it directly.")
  @APIResponse(
      responseCode = "200",
      description =
          "Talk titles, speaker names and topic names that complete the text, best first.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Suggestions.class),
              examples = @ExampleObject(name = "resil", value = Examples.SUGGESTIONS)))
  // Answered on the I/O thread: a completion takes a fraction of a millisecond in memory-mapped
  // index files, less than handing the request to a worker thread and back.
  @NonBlocking
  public Suggestions suggest(
      @Parameter(description = "The text typed so far.", example = "resil") @QueryParam("q")
          String q,
      @Parameter(
              description = "How many, 1 to 20 (default 8).",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "20",
                      defaultValue = "8"),
              example = "8")
          @QueryParam("limit")
          String limit) {
    if (q != null && q.length() > SearchService.MAX_QUERY) {
      throw ApiException.badParameter(
          "q", "must be at most " + SearchService.MAX_QUERY + " characters");
    }
    int n = Params.integer("limit", limit, 8);
    if (n < 1 || n > 20) {
      throw ApiException.badParameter("limit", "must be between 1 and 20");
    }
    return new Suggestions(search.suggest(q, n));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Path("admin/reindex")
  @Operation(
      operationId = "reindex",
      summary = "Rebuild the search index from the database",
      description =
          "Rebuilds the search index from the database and answers when done. Rarely needed:"
              + " writes reach the index by themselves, and a missing or outdated index is rebuilt"
              + " at start.")
  @APIResponse(
      responseCode = "200",
      description = "Rebuilt.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Reindexed.class),
              examples = @ExampleObject(name = "reindexed", value = Examples.REINDEX)))
  public Reindexed reindex() {
    int documents = indexer.rebuild();
    return new Reindexed(documents, index.lastChange());
  }
}
