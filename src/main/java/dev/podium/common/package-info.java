/**
 * What every feature shares: problem details and the one exception mapper, cursor paging, HTTP
 * caching (ETag, Cache-Control), query parameter parsing, excerpts, slugs, the clock and our
 * configuration.
 */
package dev.podium.common;
