package dev.podium.catalog;

import dev.podium.common.Params;
import dev.podium.security.LargeBody;
import dev.podium.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HTTP for catalog import and export. */
@Path("/api/v1/catalog")
@Tag(name = "Catalog", description = "Import and export the whole catalog in one document.")
public class CatalogResource {

  private final CatalogService catalog;
  private final CatalogExport export;
  private final ImportMetrics imports;

  public CatalogResource(CatalogService catalog, CatalogExport export, ImportMetrics imports) {
    this.catalog = catalog;
    this.export = export;
    this.imports = imports;
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "importCatalog",
      summary = "Import a catalog: all or nothing, existing slugs updated, new ones created",
      description =
          "Merges a catalog document: new slugs are created, existing ones updated, "
              + "identical ones left alone. All or nothing: one invalid entry rejects the whole "
              + "document with a `422` listing every bad entry by JSON path. With `dryRun=true` "
              + "it only checks.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "catalog", value = Examples.DOCUMENT)))
  @APIResponse(
      responseCode = "200",
      description = "Imported (or, with dryRun, checked); counts per kind.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Catalog.Result.class),
              examples = @ExampleObject(name = "result", value = Examples.RESULT)))
  public Catalog.Result importCatalog(
      @Parameter(
              description = "Only check the document; write nothing.",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("dryRun")
          String dryRun,
      @LargeBody @NotNull Catalog.Document document) {
    boolean checkOnly = Boolean.TRUE.equals(Params.bool("dryRun", dryRun));
    return imports.count(() -> catalog.importCatalog(document, checkOnly));
  }

  @GET
  @Operation(
      operationId = "exportCatalog",
      summary = "Export the catalog, or one conference with what it refers to",
      description =
          "The whole catalog as one document in the import format, or with `conference` one "
              + "conference with everything its talks refer to. Importing the export gives back "
              + "the same data.")
  @APIResponse(
      responseCode = "200",
      description = "The catalog document.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Catalog.Document.class),
              examples = @ExampleObject(name = "catalog", value = Examples.DOCUMENT)))
  public Catalog.Document exportCatalog(
      @Parameter(description = "Export only this conference.", example = "qcon-sf-2017")
          @QueryParam("conference")
          String conference) {
    return export.export(Params.slug("conference", conference));
  }
}
