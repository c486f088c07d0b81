package com.acme.platform.app;

import software.amazon.jsii.JsiiEngine;

/**
 * Starts jsii's Node.js process and loads the AWS provider's module on a second thread, while the main thread reads
 * and checks the input files.
 *
 * <p>Why: a run's first jsii call otherwise waits for all of it in line (starting Node.js, loading constructs, cdktf
 * and the provider on both sides, the provider's first type lookup), a few hundred milliseconds that the input
 * checks, which never touch jsii, can hide on a second core. The main thread must {@link #await} before its first
 * jsii call: jsii's engine is a singleton that is neither created nor called safely from two threads at once.
 *
 * <p>Whatever fails here is dropped: the main thread then makes the same calls itself and reports the failure as it
 * always does. Only the command lines use this; {@link Main#run} called by a program or a test never starts it.
 */
final class JsiiWarmup {
  /** No warm-up: {@link #await} returns at once. */
  static final JsiiWarmup NONE = new JsiiWarmup(null);

  private static final String PROVIDER_TYPE = "@cdktf/provider-aws.provider.AwsProvider";

  private final Thread thread;

  private JsiiWarmup(Thread thread) {
    this.thread = thread;
  }

  /** Starts the warm-up on a daemon thread (it never keeps the process alive). */
  static JsiiWarmup start() {
    Thread thread = new Thread(JsiiWarmup::warmUp, "jsii-warmup");
    thread.setDaemon(true);
    thread.start();
    return new JsiiWarmup(thread);
  }

  private static void warmUp() {
    try {
      JsiiEngine engine = JsiiEngine.getInstance();
      // Starts Node.js now: loadModule would first read the provider's Java type list (a few hundred milliseconds).
      engine.getClient();
      // Loads constructs and cdktf first (the provider's dependencies), then the provider.
      engine.loadModule(com.hashicorp.cdktf.providers.aws.$Module.class);
      // The provider's first type lookup opens its type index; every stack makes it (the provider resource).
      engine.getClient().getStaticPropertyValue(PROVIDER_TYPE, "tfResourceType");
    } catch (RuntimeException | Error e) {
      // Dropped on purpose (see the class comment): the main thread repeats the call and reports it.
    }
  }

  /** Waits until the warm-up has finished; after this the main thread may call jsii. */
  void await() {
    if (thread == null) {
      return;
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
