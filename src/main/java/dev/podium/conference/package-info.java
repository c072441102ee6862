/** Conferences: the editions of an event series, with their tracks. */
package dev.podium.conference;
