/**
 * The change log: a row for every write, appended in the writer's transaction (a transactional
 * outbox), so that readers of the log never miss a committed change.
 */
package dev.podium.changes;
