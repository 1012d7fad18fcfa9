package dev.pagerlab.report;

/** The frame every HTML page shares: head, inline style sheet, no scripts, no network. */
final class HtmlPage {
  private static final String STYLE = """
      :root { color-scheme: light; --fg: #1d1d1f; --muted: #5f6368; --line: #dadce0; --bg: #ffffff;
        --soft: #f6f8fa; --red: #c5221f; --green: #188038; --amber: #b06000; }
      * { box-sizing: border-box; }
      body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        color: var(--fg); background: var(--bg); }
      main { max-width: 1100px; margin: 0 auto; padding: 16px; }
      h1 { font-size: 1.5rem; margin: 0.4em 0; word-break: break-word; }
      h2 { font-size: 1.15rem; margin: 1.6em 0 0.5em; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
      a { color: #1a56c4; }
      code, pre, .mono { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
      pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px;
        overflow-x: auto; white-space: pre; }
      blockquote { margin: 0.5em 0; padding: 4px 12px; border-left: 4px solid var(--line); color: var(--muted); }
      .summary { color: var(--muted); }
      .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: 0.85em;
        white-space: nowrap; border: 1px solid transparent; }
      .v-deadlock, .v-data-loss { background: #fce8e6; color: var(--red); border-color: #f5b7b1; }
      .v-exhausted { background: #fef7e0; color: var(--amber); border-color: #f6d48b; }
      .v-safe, .v-safe-up-to-bound { background: #e6f4ea; color: var(--green); border-color: #a8dab5; }
      .meets { color: var(--green); font-weight: 600; }
      .misses { color: var(--red); font-weight: 700; }
      .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
      table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
      th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
      th { background: var(--soft); font-weight: 600; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      table.timeline td { min-width: 9em; }
      table.timeline td.step { min-width: 0; color: var(--muted); text-align: right; }
      table.timeline td.moved { background: #eef4ff; }
      tr.closed td { background: #fce8e6; color: var(--red); font-weight: 600; text-align: left; }
      ol.cycle li { margin: 0.25em 0; }
      .chain { font-weight: 600; color: var(--red); }
      figure { margin: 0; }
      .picture { overflow-x: auto; -webkit-overflow-scrolling: touch; }
      .picture svg { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
      figcaption { color: var(--muted); font-size: 0.85em; }
      @media (max-width: 700px) {
        main { padding: 10px; }
        table.index thead { display: none; }
        table.index, table.index tbody, table.index tr, table.index td { display: block; width: 100%; }
        table.index tr { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 10px; padding: 6px 8px; }
        table.index td { border: 0; padding: 2px 0; text-align: left; }
        table.index td::before { content: attr(data-label) ": "; color: var(--muted); font-weight: 600; }
      }
      """;

  private HtmlPage() {}

  /** A whole page with this title around this body markup. */
  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<link rel=\"icon\" href=\"data:,\">\n"
        + "<title>" + Escape.xml(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
        + body + "</main>\n</body>\n</html>\n";
  }

  /** A verdict badge. */
  static String badge(String verdict) {
    return "<span class=\"badge v-" + Escape.xml(verdict) + "\">" + Escape.xml(verdict) + "</span>";
  }
}
