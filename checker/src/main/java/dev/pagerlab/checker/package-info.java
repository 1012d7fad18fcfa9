/**
 * The checker: decides a scenario's verdict as SCENARIOS.md section 3 defines it, by joining
 * the explorer ({@code explore}), the static layering analysis ({@code layering}), seeded random
 * search and shrinking ({@code property}) and the mitigation search, and returns everything a
 * report needs as one {@link dev.pagerlab.checker.CheckResult}. It never prints.
 */
package dev.pagerlab.checker;
