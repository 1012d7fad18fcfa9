/** JMH benchmarks of the model and the explorer: transitions per second and states per second. */
package dev.pagerlab.bench;
