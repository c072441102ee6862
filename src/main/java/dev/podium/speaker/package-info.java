/** Speakers: the people who give talks and interviews. */
package dev.podium.speaker;
