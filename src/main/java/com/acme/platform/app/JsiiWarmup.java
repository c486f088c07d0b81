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
  private static final String PROVIDER_MODULE = "com.hashicorp.cdktf.providers.aws.$Module";

  private final Thread thread;

  private JsiiWarmup(Thread thread) {
    this.thread = thread;
  }

  /** Starts the warm-up on a daemon thread (it never keeps the process alive). */
  static JsiiWarmup start() {
    // The provider's Java module reads its list of 28,000 types when its class initializes (about 150 ms): on a
    // thread of its own, that overlaps with Node.js starting and loading constructs and cdktf. Initializing a class
    // makes no jsii call, so it is safe next to the warm-up and the main thread.
    Thread types = new Thread(JsiiWarmup::loadProviderTypes, "jsii-warmup-types");
    types.setDaemon(true);
    types.start();
    Thread thread = new Thread(JsiiWarmup::warmUp, "jsii-warmup");
    thread.setDaemon(true);
    thread.start();
    return new JsiiWarmup(thread);
  }

  private static void loadProviderTypes() {
    try {
      Class.forName(PROVIDER_MODULE, true, JsiiWarmup.class.getClassLoader());
    } catch (ClassNotFoundException | RuntimeException | Error e) {
      // Dropped on purpose (see the class comment).
    }
  }

  private static void warmUp() {
    try {
      JsiiEngine engine = JsiiEngine.getInstance();
      // Starts Node.js now, before any module is loaded.
      engine.getClient();
      // constructs and cdktf, while the provider's types are read on the other thread; then the provider.
      engine.loadModule(com.hashicorp.cdktf.$Module.class);
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
