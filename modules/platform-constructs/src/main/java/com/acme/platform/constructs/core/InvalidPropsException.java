package com.acme.platform.constructs.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when construct props (or a construct's combination of inputs) are invalid.
 *
 * <p>It carries every problem found in one object, not only the first, so that a caller that maps props back to
 * its own input files can report them all in one run.
 */
public final class InvalidPropsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The props type or construct path whose input is wrong, for example {@code ServiceRepositoryProps}. */
  private final String subject;
  /** Every problem found, in the order the checks ran. */
  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param subject the props type or construct path whose input is wrong
   * @param problems every problem found; at least one
   */
  public InvalidPropsException(String subject, List<Problem> problems) {
    super(format(subject, problems));
    this.subject = subject;
    this.problems = List.copyOf(problems);
  }

  /**
   * The props type or construct path whose input is wrong.
   *
   * @return the subject, for example {@code ServiceRepositoryProps}
   */
  public String getSubject() {
    return subject;
  }

  /**
   * Every problem found, in the order the checks ran.
   *
   * @return the problems, at least one; an unmodifiable list
   */
  public List<Problem> getProblems() {
    return problems;
  }

  private static String format(String subject, List<Problem> problems) {
    return problems.stream().map(p -> subject + "." + p).collect(Collectors.joining("\n"));
  }
}
