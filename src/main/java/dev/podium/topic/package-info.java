/**
 * Topics: the subjects that group talks and interviews across conferences, as a tree, and the topic
 * page ({@code /topics/{slug}/overview}) that shows a topic's presentations, past presentations and
 * interviews in one answer.
 */
package dev.podium.topic;
