package io.netcr.model;

/** A process that holds a network namespace open (its /proc/PID/ns/net), with its command name. */
public record Holder(int pid, String command) {
}
