/**
 * Search on embedded Lucene: one index over talks, speakers, interviews and topics, kept in sync
 * with the database by the change log (the index is a cache that can always be rebuilt), and the
 * queries on it: ranked, highlighted, faceted, typo-tolerant search, suggestions as you type and
 * related talks.
 */
package dev.podium.search;
