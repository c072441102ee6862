/** Interviews: a speaker's questions and answers, shown in lists as an excerpt. */
package dev.podium.interview;
