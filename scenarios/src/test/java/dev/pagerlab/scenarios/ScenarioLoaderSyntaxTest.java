package dev.pagerlab.scenarios;

import static dev.pagerlab.scenarios.Bad.HEAD;
import static dev.pagerlab.scenarios.Bad.assertError;

import org.junit.jupiter.api.Test;

/** Files that are not a well-formed single YAML mapping. */
class ScenarioLoaderSyntaxTest {

  @Test
  void parse_unclosedFlowList_reportsJacksonPosition() {
    assertError(HEAD + "layers: [a, b\nprocesses: []\n", 5, 10, "",
        "YAML syntax error", "flow sequence", "expected ',' or ']'");
  }

  @Test
  void parse_tabIndentation_isSyntaxError() {
    assertError(HEAD + "\tos: xnu\n", 4, 1, "", "YAML syntax error", "TAB");
  }

  @Test
  void parse_badIndentation_isSyntaxError() {
    assertError("name: t\n  description: d\n", 2, 14, "", "YAML syntax error",
        "mapping values are not allowed here");
  }

  @Test
  void parse_emptyFile_isError() {
    assertError("", 1, 1, "", "empty");
  }

  @Test
  void parse_onlyComments_isEmpty() {
    assertError("# nothing here\n\n", 1, 1, "", "empty");
  }

  @Test
  void parse_topLevelList_isNotAMapping() {
    assertError("- name: t\n- name: u\n", 1, 1, "", "expected a mapping of scenario fields", "got a list");
  }

  @Test
  void parse_topLevelScalar_isNotAMapping() {
    assertError("hello\n", 1, 1, "", "expected a mapping of scenario fields", "got \"hello\"");
  }

  @Test
  void parse_duplicateTopLevelKey_namesBothPlaces() {
    assertError(HEAD + "name: u\n", 4, 1, "name", "duplicate key 'name'", "first at line 1, column 1");
  }

  @Test
  void parse_duplicateKeyInFlowMapping_isError() {
    assertError("name: t\ndescription: d\nmemory: {frames: 10, frames: 12}\n", 3, 22, "memory.frames",
        "duplicate key 'frames'", "first at line 3, column 10");
  }

  @Test
  void parse_duplicateKeyInListItem_isError() {
    assertError(HEAD + "processes:\n  - name: a\n    pages: 1\n    pages: 2\n", 7, 5, "processes[0].pages",
        "duplicate key 'pages'", "first at line 6, column 5");
  }

  @Test
  void parse_secondDocument_isError() {
    assertError(HEAD + "---\nname: u\n", 5, 1, "", "one scenario", "second YAML document");
  }

  @Test
  void parse_alias_isRejected() {
    assertError(HEAD + "processes:\n  - name: &n a\n  - name: *n\n", 6, 5, "processes[1].name", "aliases");
  }

  @Test
  void parse_deeplyNestedLists_isErrorNotStackOverflow() {
    String deep = "[".repeat(40) + "]".repeat(40);
    assertError(HEAD + "layers: " + deep + "\n", 4, 41, "layers" + "[0]".repeat(32), "nested deeper than 32 levels");
  }

  @Test
  void parse_numberWithThousandsOfDigits_isErrorNotCrash() {
    assertError(HEAD + "processes: [{name: p, pages: " + "9".repeat(3000) + "}]\n", 4, 23, "processes[0].pages",
        "expected a whole number from 0 to 1000000", "got \"99999");
  }
}
