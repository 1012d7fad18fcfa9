/**
 * Report writers: turn each {@link dev.pagerlab.checker.CheckResult} into the files a reader
 * opens (JSON, Markdown, DOT, SVG, HTML) plus an {@code index.html} and a JUnit XML file for
 * the whole run. The checker computes; these classes only render and write, every file to a
 * temporary name first and then renamed atomically, so no half-written report is ever left.
 */
package dev.pagerlab.report;
