/**
 * Who may write and how much: the roles a bearer JWT grants, the refusal of every write while no
 * key to verify tokens is configured, and the size limit of request bodies. The problems these
 * answer are made in {@code common.ProblemMapper} like every other.
 */
package dev.podium.security;
