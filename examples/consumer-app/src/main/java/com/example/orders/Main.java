package com.example.orders;

import com.hashicorp.cdktf.App;

/** Synthesizes the team's stack into {@code cdktf.out/} (or the folder the cdktf CLI passes). */
public final class Main {
  private Main() {}

  /**
   * Runs the synthesis.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    App app = new App();
    new OrdersStack(app, "orders", true);
    app.synth();
  }
}
