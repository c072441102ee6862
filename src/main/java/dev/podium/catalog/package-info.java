/**
 * The catalog format (one JSON document with topics, conferences, speakers, talks and interviews):
 * import as one all-or-nothing merge, export back field for field, and the demo catalog loaded into
 * an empty database.
 */
package dev.podium.catalog;
