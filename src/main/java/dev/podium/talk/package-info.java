/**
 * Talks: what a presentation is about, who gives it, where and when; their lists with every filter,
 * and the derived schedule status (upcoming or past).
 */
package dev.podium.talk;
