package dev.dynctl.cli;

/**
 * A command that may write files (its output, a manifest, a checkpoint) before its first request
 * is answered, and so before anything could stop it: the shell's explain, which stops requests
 * and not writes, does not run it.
 */
public interface WritesFiles {
    /** True when this run, with the options it was given, writes or replaces a file. */
    boolean writesFiles();
}
