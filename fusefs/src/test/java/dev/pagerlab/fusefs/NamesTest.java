package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void isSafe_plainPaths_accepted() {
    assertTrue(Names.isSafe("/"));
    assertTrue(Names.isSafe("/swap0"));
    assertTrue(Names.isSafe("/a/b/c.d"));
    assertTrue(Names.isSafe("/..hidden"));
    assertTrue(Names.isSafe("/a.."));
  }

  @Test
  void isSafe_dotDotAndDot_rejected() {
    assertFalse(Names.isSafe("/.."));
    assertFalse(Names.isSafe("/a/../../etc/passwd"));
    assertFalse(Names.isSafe("/a/./b"));
    assertFalse(Names.isSafe("/a/.."));
  }

  @Test
  void isSafe_malformed_rejected() {
    assertFalse(Names.isSafe(null));
    assertFalse(Names.isSafe(""));
    assertFalse(Names.isSafe("relative"));
    assertFalse(Names.isSafe("/a//b"));
    assertFalse(Names.isSafe("/a/"));
    assertFalse(Names.isSafe("/a\0b"));
  }

  @Test
  void isSafe_nameLength_limitedToNameMaxBytes() {
    assertTrue(Names.isSafe("/" + "x".repeat(255)));
    assertFalse(Names.isSafe("/" + "x".repeat(256)));
    assertFalse(Names.isSafe("/" + "é".repeat(128)), "256 UTF-8 bytes");
  }

  @Test
  void parentLeafRelative_split() {
    assertEquals("/", Names.parent("/a"));
    assertEquals("/a/b", Names.parent("/a/b/c"));
    assertEquals("c", Names.leaf("/a/b/c"));
    assertEquals("a/b", Names.relative("/a/b"));
  }
}
