/**
 * The {@code pagerlab} command line: {@code check}, {@code simulate}, {@code mount},
 * {@code umount}. Commands parse arguments, call the model, checker and report writers, and
 * print; bad input ends in one clear message and exit status 2, never a stack trace.
 */
package dev.pagerlab.cli;
