package com.acme.platform.app.check;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many stacks the check runs at once: no more than the processors, and no more than the free memory allows.
 *
 * <p>Each running stack holds one terraform process and one AWS provider process; the provider peaks near
 * 400-600 MB during plan (measured 582 MB RSS with provider 5.100), so {@value #MIB_PER_STACK} MiB are set aside per
 * stack.
 */
public final class Parallelism {
  /** Memory set aside for one stack's terraform and provider processes, in MiB. */
  public static final long MIB_PER_STACK = 768;

  private static final Path MEMINFO = Path.of("/proc/meminfo");

  private Parallelism() {}

  /**
   * The pool size for this machine.
   *
   * @param stacks how many stacks there are to check
   * @return at least 1, at most {@code stacks}
   */
  public static int forMachine(int stacks) {
    return of(stacks, Runtime.getRuntime().availableProcessors(), availableMemoryBytes());
  }

  /**
   * The pool size for given resources.
   *
   * @param stacks how many stacks there are to check
   * @param processors available processors
   * @param availableBytes memory available to new processes
   * @return {@code min(stacks, processors, availableBytes / MIB_PER_STACK)}, but at least 1
   */
  public static int of(int stacks, int processors, long availableBytes) {
    long byMemory = availableBytes / (MIB_PER_STACK * 1024 * 1024);
    return (int) Math.max(1, Math.min(stacks, Math.min(processors, byMemory)));
  }

  /**
   * Memory available to new processes: Linux's {@code MemAvailable} (free memory plus the caches it hands back on
   * demand), or, inside a container with a memory limit (the JVM then reports a smaller total), the JVM's free
   * memory, which is the limit minus usage. Unknown: room for one stack.
   */
  static long availableMemoryBytes() {
    OptionalLong linuxAvailable = meminfo("MemAvailable");
    OptionalLong linuxTotal = meminfo("MemTotal");
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      boolean containerLimit = linuxTotal.isPresent() && os.getTotalMemorySize() < linuxTotal.getAsLong();
      if (containerLimit || linuxAvailable.isEmpty()) {
        return os.getFreeMemorySize();
      }
    }
    return linuxAvailable.orElse(MIB_PER_STACK * 1024 * 1024);
  }

  private static OptionalLong meminfo(String field) {
    try {
      Matcher m = Pattern.compile("(?m)^" + field + ":\\s+(\\d+) kB$").matcher(Files.readString(MEMINFO));
      return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
