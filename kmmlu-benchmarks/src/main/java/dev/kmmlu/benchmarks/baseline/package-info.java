/** A frozen copy of the robust extractor before the speed work, for comparison only. */
package dev.kmmlu.benchmarks.baseline;
