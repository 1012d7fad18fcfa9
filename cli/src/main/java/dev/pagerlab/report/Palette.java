package dev.pagerlab.report;

/** The colours of the stack picture, shared by the DOT and SVG writers. */
final class Palette {
  /** Red of the wait-for cycle's edges. */
  static final String CYCLE = "#d62728";
  /** Grey of the structural edges. */
  static final String EDGE = "#7f8c8d";

  private Palette() {}

  /** The fill colour of a node of this kind. */
  static String fill(StackGraph.Kind kind) {
    return switch (kind) {
      case MEMORY -> "#eef2f7";
      case KERNEL_THREAD -> "#dbe9ff";
      case SWAP_FILE -> "#fff4d6";
      case LAYER -> "#e3f4e1";
      case PROCESS -> "#fde2d4";
      case WORKLOAD -> "#f0e6fa";
      case KEXT -> "#e0f2f4";
      case REGION -> "#fbe7f0";
      case OTHER -> "#f2f2f2";
    };
  }

  /** The border colour of a node of this kind. */
  static String stroke(StackGraph.Kind kind) {
    return switch (kind) {
      case MEMORY -> "#8aa0b8";
      case KERNEL_THREAD -> "#4a78c2";
      case SWAP_FILE -> "#c9a227";
      case LAYER -> "#4f9a4a";
      case PROCESS -> "#d0703c";
      case WORKLOAD -> "#8c62b8";
      case KEXT -> "#3e9aa6";
      case REGION -> "#c0507f";
      case OTHER -> "#8c8c8c";
    };
  }
}
