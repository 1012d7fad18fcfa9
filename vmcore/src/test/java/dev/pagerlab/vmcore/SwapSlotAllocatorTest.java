package dev.pagerlab.vmcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwapSlotAllocatorTest {

  @Test
  void assign_successivePages_shareOneCluster() {
    SwapSlotAllocator a = new SwapSlotAllocator();
    a.addFile("swap0", 100);
    for (int p = 0; p < 8; p++) {
      assertEquals(new SwapSlotAllocator.SwapSlot("swap0", p), a.assign(p, "swap0"));
    }
    assertEquals(List.of(new SwapSlotAllocator.FileStats("swap0", 100, 8, 0, 92, 92)), a.stats());
    assertEquals(8, a.assign(8, "swap0").slot());
    assertEquals(new SwapSlotAllocator.FileStats("swap0", 100, 9, 7, 84, 84), a.stats().get(0));
  }

  @Test
  void release_page_freesItsSlotOnly() {
    SwapSlotAllocator a = new SwapSlotAllocator(4);
    a.addFile("swap0", 16);
    for (int p = 0; p < 4; p++) {
      a.assign(p, "swap0");
    }
    assertEquals(Optional.of(new SwapSlotAllocator.SwapSlot("swap0", 1)), a.release(1));
    assertEquals(Optional.empty(), a.release(1));
    assertEquals(Optional.empty(), a.slotOf(1));
    assertEquals(4, a.assign(9, "swap0").slot(), "a new cluster comes lowest first after the open one");
    assertEquals(new SwapSlotAllocator.FileStats("swap0", 16, 4, 3, 9, 8), a.stats().get(0));
  }

  @Test
  void assign_nearlyFullFile_halvesTheClusterToFit() {
    SwapSlotAllocator a = new SwapSlotAllocator(8);
    a.addFile("swap0", 11);
    for (int p = 0; p < 11; p++) {
      assertEquals(p, a.assign(p, "swap0").slot());
    }
    assertThrows(IllegalStateException.class, () -> a.assign(11, "swap0"));
    a.release(4);
    assertEquals(4, a.assign(11, "swap0").slot());
  }

  @Test
  void allocate_fragmentedFile_returnsAShorterRun() {
    SwapSlotAllocator a = new SwapSlotAllocator();
    a.addFile("swap0", 20);
    SwapSlotAllocator.SwapRun r = a.allocate("swap0", 16).orElseThrow();
    assertEquals(new SwapSlotAllocator.SwapRun("swap0", 0, 16), r);
    assertEquals(new SwapSlotAllocator.SwapRun("swap0", 16, 4), a.allocate("swap0", 16).orElseThrow());
    assertEquals(Optional.empty(), a.allocate("swap0", 1));
    a.free(r);
    assertThrows(IllegalStateException.class, () -> a.free(r));
  }

  @Test
  void removeFile_slotsInUse_throws() {
    SwapSlotAllocator a = new SwapSlotAllocator();
    a.addFile("swap1", 4);
    a.assign(0, "swap1");
    assertThrows(IllegalStateException.class, () -> a.removeFile("swap1"));
    a.release(0);
    a.removeFile("swap1");
    assertTrue(a.stats().isEmpty());
    assertThrows(IllegalStateException.class, () -> a.assign(0, "swap1"));
  }

  @Test
  void closeCluster_openCluster_givesTheRestBack() {
    SwapSlotAllocator a = new SwapSlotAllocator();
    a.addFile("swap0", 64);
    a.assign(0, "swap0");
    a.closeCluster("swap0");
    assertEquals(new SwapSlotAllocator.FileStats("swap0", 64, 1, 0, 63, 63), a.stats().get(0));
  }
}
